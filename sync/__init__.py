"""Both ends of the sync wire (client and national server); Qt-free."""
