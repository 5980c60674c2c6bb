"""Our own programme format: TOML, read with every problem on its line, and written."""
