"""The partnerships page (Kemitraan): partners, agreements, support and regulations."""
