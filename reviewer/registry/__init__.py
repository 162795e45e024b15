"""Registry metadata: typed documents, the async client, the on-disk cache, tarballs."""
