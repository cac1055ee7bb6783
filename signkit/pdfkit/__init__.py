"""pdfkit."""
