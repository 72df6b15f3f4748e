#include "core/fingerprint.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/text.hpp"
#include "parse/document.hpp"

namespace pysec {
namespace {

std::string hex16(std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i) {
        text[static_cast<std::size_t>(i)] = digits[value & 0xF];
        value >>= 4;
    }
    return text;
}

// The text the finding is about, whitespace-normalised.
std::string flagged_text(const Finding& finding, const Document* document) {
    if (!document) return {};
    if (finding.node) return collapse_whitespace(document->source(*finding.node));
    const LineIndex& lines = document->lines();
    std::string text;
    for (std::uint32_t line = finding.location.span.begin.line; line <= finding.location.span.end.line; ++line) {
        text += lines.line(line);
        text += '\n';
    }
    return collapse_whitespace(text);
}

}  // namespace

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (unsigned char c : data) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

void assign_fingerprints(std::vector<Finding>& findings, const std::vector<const Document*>& documents) {
    // Order by position so that "the second identical finding" is well defined.
    std::vector<Finding*> ordered;
    for (Finding& finding : findings) ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Finding* a, const Finding* b) {
        return std::tie(a->location.path, a->location.span.begin) < std::tie(b->location.path, b->location.span.begin);
    });
    std::unordered_map<std::string_view, const Document*> by_path;
    for (const Document* document : documents) {
        if (document) by_path.emplace(document->path(), document);
    }
    std::map<std::uint64_t, int> seen;
    for (Finding* finding : ordered) {
        auto it = by_path.find(finding->location.path);
        const Document* document = it == by_path.end() ? nullptr : it->second;
        std::string basis = finding->rule_id;
        basis += '\0';
        basis += finding->location.path;
        basis += '\0';
        if (finding->node && document) basis += document->key_path(*finding->node);
        basis += '\0';
        basis += flagged_text(*finding, document);
        std::uint64_t hash = fnv1a64(basis);
        int occurrence = seen[hash]++;
        finding->fingerprint = hex16(fnv1a64(std::to_string(occurrence), hash));
    }
}

}  // namespace pysec
