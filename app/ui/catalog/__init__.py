"""The catalogue page (Koleksi): titles, copies, imports and labels."""
