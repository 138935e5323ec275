"""The members page's parts: the search model, the member form and the detail panel."""
