"""Registry metadata: typed documents, the async client, the on-disk cache, tarballs.

- `documents`, `interface`: the contracts (typed documents; MetadataProvider, TarballContents).
- `service.RegistryService`: MetadataProvider over HTTP with the cache (one per run).
- `config.RegistryConfig`: every option, from `.npmrc` (`npmrc`) and the command line.
- `client`: httpx, retries, redirects without credentials, size caps.
- `cache`: diskcache store (never unpickles); `compact`/`parse`: raw JSON -> documents.
- `tarball`: verified, in-memory tarballs; `scan`: the whole-tree metadata scan.
"""
