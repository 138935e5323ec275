This is not a MARC file, just a note.
It has two lines.
