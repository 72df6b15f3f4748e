#include "config/scan_config.hpp"

#include <charconv>

#include "config/path_glob.hpp"
#include "parse/parse.hpp"
#include "rules/registry.hpp"

namespace pysec {
namespace {

std::optional<std::uint32_t> parse_number(std::string_view text) {
    std::uint32_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty() || value == 0) return std::nullopt;
    return value;
}

}  // namespace

IgnoreEntry parse_ignore_entry(std::string_view text) {
    IgnoreEntry entry;
    std::vector<std::uint32_t> numbers;
    while (numbers.size() < 2) {
        auto colon = text.rfind(':');
        if (colon == std::string_view::npos) break;
        auto number = parse_number(text.substr(colon + 1));
        if (!number) break;
        numbers.insert(numbers.begin(), *number);
        text = text.substr(0, colon);
    }
    entry.file = text;
    if (!numbers.empty()) entry.line = numbers[0];
    if (numbers.size() > 1) entry.column = numbers[1];
    return entry;
}

bool ignore_matches(const IgnoreEntry& entry, std::string_view path, std::uint32_t begin_line,
                    std::uint32_t end_line, std::uint32_t column) {
    bool file_matches = path == entry.file ||
                        (path.size() > entry.file.size() && path.ends_with(entry.file) &&
                         path[path.size() - entry.file.size() - 1] == '/');
    if (!file_matches) return false;
    if (!entry.line) return true;
    if (*entry.line < begin_line || *entry.line > end_line) return false;
    return !entry.column || *entry.line != begin_line || *entry.column == column;
}

ScanConfig::ScanConfig(std::string path, std::string text, Origin origin, Notices& notices)
    : origin_(origin), path_(std::move(path)) {
    ParsedFile parsed = parse_document(path_, std::move(text), DocumentFormat::Yaml);
    document_ = std::move(parsed.document);
    try {
        if (parsed.failure) {
            throw ConfigError(path_ + ":" + std::to_string(parsed.failure->position.line) + ":" +
                              std::to_string(parsed.failure->position.column) + ": " + parsed.failure->message);
        }
        read(notices);
    } catch (const ConfigError& error) {
        if (origin_ == Origin::Pysec) throw;
        notices.add(std::string("ignoring ") + path_ + " (" + error.what() + ")");
        rules_.clear();
    }
}

void ScanConfig::read(Notices& notices) {
    const Node* root = document_->root();
    if (!root) return;  // an empty config
    auto where = [&](const Node& node) {
        Position position = document_->position(node.begin);
        return path_ + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": ";
    };
    if (!root->is_mapping()) throw ConfigError(where(*root) + "expected a mapping with a `rules:` key");
    for (const auto& entry : root->entries) {
        if (entry.key->value != "rules" && entry.key->value != "exclude" && origin_ == Origin::Pysec) {
            throw ConfigError(where(*entry.key) + "unknown key '" + entry.key->value +
                              "' (expected `rules` or `exclude`)");
        }
    }
    if (const Node* exclude = root->get("exclude"); exclude && origin_ == Origin::Pysec) {
        if (!exclude->is_sequence()) throw ConfigError(where(*exclude) + "`exclude` must be a list of path patterns");
        for (const Node* item : exclude->items) {
            if (!item->is_scalar() || item->value.empty()) {
                throw ConfigError(where(*item) + "`exclude` entries must be path patterns");
            }
            exclude_.push_back(item->value);
        }
    }
    const Node* rules = root->get("rules");
    if (!rules || rules->is_null()) return;
    if (!rules->is_mapping()) throw ConfigError(where(*rules) + "`rules` must be a mapping of rule ids");
    for (const auto& [key, value] : rules->entries) {
        const std::string& id = key->value;
        if (!find_rule(id)) {
            // zizmor has audits pysec does not; only a pysec config deserves a word.
            if (origin_ == Origin::Pysec) notices.add(where(*key) + "unknown rule '" + id + "' (ignored)");
            continue;
        }
        RuleSettings settings;
        if (value->is_null()) {
            rules_[id] = settings;
            continue;
        }
        if (!value->is_mapping()) throw ConfigError(where(*value) + "settings of '" + id + "' must be a mapping");
        for (const auto& [name, setting] : value->entries) {
            if (name->value == "disable") {
                auto flag = setting->as_bool();
                if (!flag) throw ConfigError(where(*setting) + "`disable` must be true or false");
                settings.disabled = *flag;
            } else if (name->value == "ignore") {
                if (!setting->is_sequence()) {
                    throw ConfigError(where(*setting) + "`ignore` must be a list of \"file[:line[:column]]\"");
                }
                for (const Node* item : setting->items) {
                    if (!item->is_scalar() || item->value.empty()) {
                        throw ConfigError(where(*item) + "`ignore` entries must be \"file[:line[:column]]\" strings");
                    }
                    settings.ignore.push_back(parse_ignore_entry(item->value));
                }
            } else if (name->value == "config") {
                settings.config = setting;
            } else if (origin_ == Origin::Pysec) {
                throw ConfigError(where(*name) + "unknown setting '" + name->value +
                                  "' (expected disable, ignore or config)");
            }
        }
        rules_[id] = std::move(settings);
    }
}

bool ScanConfig::excludes(std::string_view path) const {
    for (const std::string& pattern : exclude_) {
        if (path_excluded_by(pattern, path)) return true;
    }
    return false;
}

const RuleSettings* ScanConfig::rule(std::string_view id) const {
    auto it = rules_.find(id);
    return it == rules_.end() ? nullptr : &it->second;
}

}  // namespace pysec
