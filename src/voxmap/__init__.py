"""voxmap: who speaks in the news, for whom, and first."""
from .api import analyze, analyze_articles, analyze_paths
from .readers import Skip
from .errors import VoxmapError
from .records import Actor, Analysis, Article, Quote, Role, Span, Speaker, make_article

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_articles", "analyze_paths", "make_article", "Skip", "Analysis", "Article", "Quote", "Actor", "Role",
           "Span", "Speaker", "VoxmapError", "__version__"]
