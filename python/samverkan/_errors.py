"""The exceptions of samverkan."""

from __future__ import annotations

from typing import Optional

__all__ = ["Error", "LoadError"]


class Error(ValueError):
    """Bad input or an operation that would break a model's guarantees (a duplicate id, a cycle of
    stages). The message names the elements involved; the model is unchanged."""


class LoadError(Error):
    """A model that could not be read: not JSON, or not a valid samverkan/1 model.

    str(e) is "FILE:LINE:COLUMN: JSON-PATH: REASON", as the command-line tool prints it. The parts:

    file       the file name, or "<input>" for text
    line       1-based line of the offending token, None when no position applies (a missing file)
    column     1-based column in Unicode code points, None likewise
    json_path  JSON pointer (RFC 6901) of the offending value, e.g. "/duties/3/raci/R/0"; "" for the
               document as a whole
    reason     what is wrong, without the location
    """

    def __init__(self, message: str, file: str = "<input>", line: Optional[int] = None,
                 column: Optional[int] = None, json_path: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.json_path = json_path
        self.reason = reason or message

    def __reduce__(self):  # picklable, so that it crosses Dask's process boundaries intact
        return (type(self), (str(self), self.file, self.line, self.column, self.json_path, self.reason))
