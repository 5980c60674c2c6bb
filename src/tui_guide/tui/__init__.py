"""The Textual guide: the app, its screens, widgets and command-palette providers."""
