"""The circulation page (Sirkulasi): loans, returns, renewals and overdue lists."""
