"""The programmes this user has: where they are found, loading them (through a checked cache),
and keeping published ones for offline use (`add`, `refresh`)."""
