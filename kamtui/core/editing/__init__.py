"""Writing what people wrote: in-place edits that keep comments and layout, the canonical layout, new accounts, CRM imports, all through one atomic write."""
