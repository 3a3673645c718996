"""PDF output with reportlab: blank and filled worksheets (``worksheets``) and the session
report (``report``). Both take a progress callback and can be cancelled; see ``api``."""
