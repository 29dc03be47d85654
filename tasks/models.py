"""Models of this app; filled in by the pipeline work (issue 4)."""
