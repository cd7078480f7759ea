"""Document readers and writers (docx, pdf, text, …)."""
