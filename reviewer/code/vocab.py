"""What the analysers look for that JavaScript and shell code share, in one place: files
and variables that hold credentials, cloud metadata addresses, programs that load
Windows libraries, and the names of the propagation capabilities (`grade` decides on them
by name)."""

from __future__ import annotations

import re

CRED_WORDS = re.compile(
    r"\.npmrc|\.yarnrc|\.ssh\b|id_rsa|id_ed25519|id_ecdsa|\.aws\b|\.git-credentials|\.netrc|\.pgpass"
    r"|\.docker[/\\]config|\.kube[/\\]config|\.config[/\\]gcloud|\.azure\b|application_default_credentials"
    r"|Login Data|Local Extension Settings|Local State|wallet\.dat|\.bitcoin\b|\.electrum\b|Exodus"
    r"|\.ethereum[/\\]keystore|\.config[/\\]solana|keychain|Keychains|\.gnupg|known_hosts",
    re.I,
)
"""Files and stores that hold credentials or wallets."""
TOKEN_VAR = re.compile(
    r"^(?:NPM_TOKEN|NODE_AUTH_TOKEN|NPM_AUTH_TOKEN|GITHUB_TOKEN|GH_TOKEN|GITLAB_TOKEN|CI_JOB_TOKEN"
    r"|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AWS_SESSION_TOKEN|AZURE_CLIENT_SECRET"
    r"|GOOGLE_APPLICATION_CREDENTIALS|CIRCLE_TOKEN|SLACK_TOKEN|TRAVIS_TOKEN|HEROKU_API_KEY|DOCKER_PASSWORD"
    r"|npm_config__authToken|npm_config_.*_authtoken|npm_config__auth|npm_config_//.*)$",
    re.I,
)
"""Environment variables that hold tokens or secrets."""
CLOUD_METADATA_HOSTS = ("169.254.169.254", "metadata.google.internal", "100.100.100.200", "fd00:ec2::254")
"""Cloud instance metadata services (credentials of the machine's role)."""
CLOUD_METADATA = "|".join(re.escape(host) for host in CLOUD_METADATA_HOSTS)
WINDOWS_LOADERS = r"rundll32|regsvr32|mshta"
"""Windows programs that load and run a library or a script."""

CLOUD_METADATA_DETAIL = "cloud metadata address"
NPM_PUBLISH = "npm publish"
SECRET_SCANNER = "secret scanner trufflehog"
GITHUB_API = "GitHub API"
GITHUB_WORKFLOWS = "GitHub workflow files"
NPM_ACCOUNT_API = "npm registry account API"
