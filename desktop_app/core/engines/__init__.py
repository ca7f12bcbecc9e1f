"""OCR engines: the embedded RapidOCR engine and HunyuanOCR (local GPU or a vLLM server)."""
