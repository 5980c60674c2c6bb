"""Writing sessions out for other programs: iCalendar files. No Textual here."""
