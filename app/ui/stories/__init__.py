"""The success stories page (Kisah Sukses): stories with consent, and their printed sheet."""
