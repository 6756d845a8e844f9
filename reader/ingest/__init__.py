"""The readers: files, pages, PDFs, feeds and URLs into drafts (pure: no SQL, no Qt).

Which reader takes which file is :mod:`reader.ingest.readers`; fetching is
:mod:`reader.ingest.fetch`.
"""
