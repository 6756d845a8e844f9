"""Helpers the tests share: command runners, servers, corpus metrics, files."""
