-- The W3C trace context (traceparent) of the work that queued an email, so its sending continues that trace.
-- Null for emails queued before tracing was carried, or outside any trace.
ALTER TABLE outbound_email ADD COLUMN traceparent TEXT;
