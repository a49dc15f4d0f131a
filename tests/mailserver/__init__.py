"""A real SMTP server on loopback for the digest's e-mail tests (aiosmtpd, STARTTLS with a throw-away CA)."""
