"""reviewer: review the npm dependencies of a Node.js project before trusting them."""

__version__ = "0.1.0"
