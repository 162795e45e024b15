"""Review signals: small pure analyses over the graph and typed registry documents."""
