"""How much of a batch failed, as an exit code (trafilatura's convention)."""

from __future__ import annotations

EXIT_OK, EXIT_SOME_FAILED, EXIT_NEARLY_ALL_FAILED = 0, 1, 126


def exit_code(ok: int, failed: int) -> int:
    """0 when all inputs were processed, 1 when some failed, 126 when nearly all (90%+) failed."""
    total = ok + failed
    if failed == 0:
        return EXIT_OK
    return EXIT_NEARLY_ALL_FAILED if total and failed / total >= 0.9 else EXIT_SOME_FAILED
