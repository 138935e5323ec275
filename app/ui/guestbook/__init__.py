"""Parts of the guestbook page (Buku Tamu): the day's table, the forms, the scanner."""
