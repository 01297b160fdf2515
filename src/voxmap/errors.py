"""Errors with stable codes and a hint on how to fix the problem."""

from __future__ import annotations


class VoxmapError(Exception):
    """Base error: `code` is stable across versions, `hint` says what to do."""

    code = "V000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None):
        message = message.rstrip()
        if message and message[-1] not in ".!?":
            message += "."  # a sentence, so that the hint after it reads as the next one
        self.message = message
        if hint is not None:
            self.hint = hint
        super().__init__(f"[{self.code}] {message}" + (f" {self.hint}" if self.hint else ""))


class UnsupportedLanguage(VoxmapError):
    code = "V001"
    hint = "Use --language en or --language fr."


class ModelNotInstalled(VoxmapError):
    code = "V002"
    hint = "Run `make venv` (it installs the spaCy model packages from PyPI)."


class RulesError(VoxmapError):
    code = "V004"
    hint = "Check the TOML rule files under voxmap/extract/rules/<lang>/."


class GoldFormatError(VoxmapError):
    code = "V005"
    hint = "See docs/gold-format.md for the annotation format voxmap eval reads."


class QualityGateError(VoxmapError):
    code = "V006"


class AnalysisFailed(VoxmapError):
    """A component broke on an article; in a batch this is a recorded failure, not an exception."""

    code = "V007"
    hint = "Please report it with the article's text: every input should be analysed or skipped with a reason."


class ReviewError(VoxmapError):
    """A correction that cannot be applied as given."""

    code = "V009"


class NotFound(VoxmapError):
    """An actor, story, article or quote that the database does not hold."""

    code = "V010"


class StoreError(VoxmapError):
    """A database that is missing, not voxmap's, damaged, read-only, or on a full disk."""

    code = "V011"


class PortBusy(VoxmapError):
    """The dashboard's address cannot be bound (another server listens there, or no permission)."""

    code = "V014"
    hint = "Choose another with --port, or stop what listens there."


class AliasFileError(VoxmapError):
    """An alias file that cannot be read or says something voxmap does not understand."""

    code = "V012"
    hint = "See the README's alias file section: [[merge]] canonical/aliases and [[split]] names."


class InvalidFilter(VoxmapError):
    """A filter or measure option that cannot mean anything (a date that does not exist, an unknown kind)."""

    code = "V015"
