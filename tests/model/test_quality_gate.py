"""The CI quality gate: extraction may not fall below the floors pinned in quality/baseline.json."""

from voxmap.evaluation import gate

from helpers import ROOT


def test_quality_gate(polnear, monkeypatch):
    monkeypatch.chdir(ROOT)
    outcome = gate.check(polnear)
    assert outcome["passed"], "\n" + gate.format_outcome(outcome)
