"""The CI quality gate: extraction may not fall below the floors pinned in quality/baseline.json."""

from helpers import ROOT

from voxmap.evaluation import gate


def test_quality_gate(polnear, monkeypatch):
    monkeypatch.chdir(ROOT)
    outcome = gate.check(polnear)
    assert outcome["passed"], "\n" + gate.format_outcome(outcome)
