#pragma once
// Entry point of the parse layer: text in, Document (or a located error) out.

#include <memory>
#include <optional>
#include <string>

#include "parse/document.hpp"

namespace pysec {

struct ParseFailure {
    std::string message;
    Position position;  // 1-based; the parser's own line and column
};

struct ParsedFile {
    // Always set, so that reports can show source lines even for broken files;
    // `document->root()` is null when parsing failed or the file is empty.
    std::unique_ptr<Document> document;
    std::optional<ParseFailure> failure;
};

// Rejects binary and non-UTF-8 content before any parser sees it; never throws
// for bad input.
ParsedFile parse_document(std::string path, std::string text, DocumentFormat format);

// The individual parsers fill `document` and throw ParseError on bad input.
void parse_yaml(Document& document);
void parse_json(Document& document);  // JSON with comments and trailing commas
void parse_json5(Document& document); // JSON5, as Renovate reads .json5 files
void parse_toml(Document& document);
void parse_ini(Document& document);   // configparser: pip.conf, .pypirc

}  // namespace pysec
