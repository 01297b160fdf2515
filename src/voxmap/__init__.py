"""voxmap: who speaks in the news, for whom, and first."""

from .api import analyze, analyze_articles, analyze_paths
from .errors import VoxmapError
from .readers import Skip
from .records import Actor, Analysis, Article, Quote, Role, Span, Speaker, make_article

__version__ = "0.1.0"
__all__ = [
    "analyze",
    "analyze_articles",
    "analyze_paths",
    "make_article",
    "Skip",
    "Analysis",
    "Article",
    "Quote",
    "Actor",
    "Role",
    "Span",
    "Speaker",
    "VoxmapError",
    "__version__",
]
