#include "shell/shell_script.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace pysec::shell {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Words that shape control flow rather than name a command.
constexpr std::array reserved_words = {"if", "then", "else", "elif", "fi", "do", "done", "while", "until",
                                       "{", "}", "!", "time", "esac", "in"};
// Words that make the whole command a header, not a command.
constexpr std::array header_words = {"for", "select", "case", "function"};

bool is_assignment(std::string_view word) {
    auto equals = word.find('=');
    if (equals == std::string_view::npos || equals == 0) return false;
    if (!std::isalpha(static_cast<unsigned char>(word[0])) && word[0] != '_') return false;
    for (std::size_t i = 0; i < equals; ++i) {
        if (!is_name_char(word[i]) && !(word[i] == '+' && i + 1 == equals)) return false;
    }
    return true;
}

class Parser {
public:
    Parser(std::string_view script, Dialect dialect, std::vector<Command>& out)
        : text_(script), dialect_(dialect), out_(out) {}

    void parse_all() {
        parse_sequence(0, '\0');
        finish("");
    }

private:
    struct PendingHeredoc {
        std::size_t command;
        std::size_t redirect;
        bool strip_tabs;
    };

    char escape_char() const { return dialect_ == Dialect::PowerShell ? '`' : '\\'; }
    char peek(std::size_t ahead = 0) const {
        return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
    }

    void start_command_at(std::size_t offset) {
        if (!started_) {
            current_.begin = offset;
            started_ = true;
        }
    }

    void finish(std::string connector) {
        if (!started_) {
            // `a |\n b`: a newline after a connector does not end the pipeline.
            return;
        }
        current_.connector = connector;
        current_.depth = depth_;
        current_.piped_input = pipe_pending_;
        pipe_pending_ = connector == "|";
        current_.piped_output = pipe_pending_;
        strip_reserved_words();
        bool keep = !current_.words.empty() || !current_.assignments.empty() || !current_.redirects.empty();
        if (keep) {
            for (std::size_t i = 0; i < current_.redirects.size(); ++i) {
                const std::string& op = current_.redirects[i].op;
                if (op == "<<" || op == "<<-") pending_heredocs_.push_back({out_.size(), i, op == "<<-"});
            }
            out_.push_back(std::move(current_));
        }
        current_ = Command{};
        started_ = false;
    }

    void strip_reserved_words() {
        auto& words = current_.words;
        if (!words.empty() && !words.front().quoted &&
            std::find(header_words.begin(), header_words.end(), words.front().text) != header_words.end()) {
            words.clear();
            return;
        }
        while (!words.empty() && !words.front().quoted &&
               std::find(reserved_words.begin(), reserved_words.end(), words.front().text) != reserved_words.end()) {
            words.erase(words.begin());
        }
        // `NAME=value cmd` arrives as an assignment followed by words; `if FOO=1 cmd` too.
        // The value may be quoted (`NAME="a b" cmd`), the name may not.
        while (!words.empty() && is_assignment(text_.substr(words.front().begin, words.front().end - words.front().begin))) {
            current_.assignments.push_back(std::move(words.front()));
            words.erase(words.begin());
        }
    }

    void read_heredoc_bodies() {
        for (const PendingHeredoc& pending : pending_heredocs_) {
            Redirect& redirect = out_[pending.command].redirects[pending.redirect];
            const std::string& delimiter = redirect.target.text;
            while (position_ < text_.size()) {
                std::size_t line_end = text_.find('\n', position_);
                if (line_end == std::string_view::npos) line_end = text_.size();
                std::string_view line = text_.substr(position_, line_end - position_);
                position_ = std::min(line_end + 1, text_.size());
                std::string_view compare = line;
                if (pending.strip_tabs) {
                    while (!compare.empty() && compare.front() == '\t') compare.remove_prefix(1);
                }
                while (!compare.empty() && (compare.back() == '\r' || compare.back() == ' ')) compare.remove_suffix(1);
                if (compare == delimiter) break;
                redirect.heredoc_body += line;
                redirect.heredoc_body += '\n';
            }
        }
        pending_heredocs_.clear();
    }

    // Parses commands until `terminator` (')' or '`'), or the end for '\0'.
    void parse_sequence(int depth, char terminator) {
        int saved_depth = depth_;
        char saved_terminator = terminator_;
        depth_ = depth;
        terminator_ = terminator;
        while (position_ < text_.size()) {
            char c = peek();
            if (terminator && c == terminator) break;
            if (is_blank(c)) {
                ++position_;
            } else if (c == escape_char() && peek(1) == '\n') {
                position_ += 2;  // line continuation
            } else if (c == '#' || (dialect_ == Dialect::PowerShell && c == '<' && peek(1) == '#')) {
                skip_comment();
            } else if (c == '\n') {
                finish("\n");
                ++position_;
                read_heredoc_bodies();
            } else if (c == ';') {
                position_ += peek(1) == ';' ? 2 : 1;  // `;;` ends a case branch
                finish(";");
            } else if (c == '&' && peek(1) == '&') {
                position_ += 2;
                finish("&&");
            } else if (c == '|' && peek(1) == '|') {
                position_ += 2;
                finish("||");
            } else if (c == '|') {
                position_ += peek(1) == '&' ? 2 : 1;
                finish("|");
            } else if (c == '&' && peek(1) != '>') {
                ++position_;
                finish("&");
            } else if (c == '(' && !started_) {
                // A subshell: its commands run at a deeper level.
                ++position_;
                finish("");
                parse_sequence(depth + 1, ')');
                if (peek() == ')') ++position_;
                depth_ = depth;
            } else if (c == '(' && peek(1) == ')') {
                position_ += 2;  // `name()` of a function definition
                current_.words.clear();
            } else if (c == '(') {
                // A group inside a command (PowerShell's `iex (irm ...)`): one
                // word as written, its commands one level deeper.
                Word word;
                word.begin = position_;
                read_nested(word, depth, 1, ')');
                word.end = position_;
                current_.end = word.end;
                current_.words.push_back(std::move(word));
            } else if (c == ')') {
                ++position_;  // a case pattern `a)`, or a stray parenthesis
            } else if (is_redirect_start()) {
                read_redirect();
            } else {
                start_command_at(position_);
                std::size_t before = position_;
                Word word = read_word(depth);
                if (position_ == before) {
                    ++position_;  // never stall on a character nothing consumes
                    continue;
                }
                current_.end = word.end;
                current_.words.push_back(std::move(word));
            }
        }
        finish("");
        depth_ = saved_depth;
        terminator_ = saved_terminator;
    }

    void skip_comment() {
        if (peek() == '<') {
            auto close = text_.find("#>", position_ + 2);
            position_ = close == std::string_view::npos ? text_.size() : close + 2;
            return;
        }
        while (position_ < text_.size() && text_[position_] != '\n') ++position_;
    }

    bool is_redirect_start() const {
        char c = peek();
        if ((c == '<' || c == '>') && peek(1) == '(') return false;  // process substitution
        if (c == '<' || c == '>') return true;
        if (c == '&' && peek(1) == '>') return true;
        // `2>file`, `2>&1`: a file descriptor directly before the operator
        std::size_t i = position_;
        while (i < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i]))) ++i;
        return i > position_ && i < text_.size() && (text_[i] == '>' || text_[i] == '<');
    }

    void read_redirect() {
        start_command_at(position_);
        std::size_t begin = position_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++position_;
        if (peek() == '&') ++position_;
        char direction = peek();
        ++position_;
        if (peek() == direction) ++position_;                       // >> or <<
        if (direction == '<' && peek() == '<') ++position_;        // <<<
        if (direction == '<' && peek() == '-') ++position_;        // <<-
        if (peek() == '|' || peek() == '&') ++position_;           // >| and >&
        Redirect redirect;
        redirect.op = text_.substr(begin, position_ - begin);
        while (is_blank(peek())) ++position_;
        if (position_ < text_.size() && peek() != '\n' && !is_operator_char(peek())) {
            redirect.target = read_word(depth_);
        }
        current_.end = std::max(position_, current_.end);
        current_.redirects.push_back(std::move(redirect));
    }

    static bool is_operator_char(char c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')'; }

    bool ends_word(char c) const {
        return is_blank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' ||
               c == '>';
    }

    // Copies a nested command (`$(...)`, `<(...)`, backticks) into the word as
    // written, and parses its commands at a deeper level.
    void read_nested(Word& word, int depth, std::size_t open_length, char terminator) {
        std::size_t begin = position_;
        position_ += open_length;
        Command saved = std::move(current_);
        bool saved_started = started_;
        bool saved_pipe = pipe_pending_;
        current_ = Command{};
        started_ = false;
        pipe_pending_ = false;
        parse_sequence(depth + 1, terminator);
        current_ = std::move(saved);
        started_ = saved_started;
        pipe_pending_ = saved_pipe;
        if (peek() == terminator) ++position_;
        word.text += text_.substr(begin, position_ - begin);
        word.expanded = true;
    }

    void read_dollar(Word& word, int depth) {
        if (peek(1) == '{' && peek(2) == '{') {  // a GitHub expression, substituted before the shell runs
            auto close = text_.find("}}", position_ + 3);
            std::size_t end = close == std::string_view::npos ? text_.size() : close + 2;
            word.text += text_.substr(position_, end - position_);
            position_ = end;
            return;
        }
        if (peek(1) == '(' && peek(2) == '(') {  // arithmetic
            auto close = text_.find("))", position_ + 3);
            std::size_t end = close == std::string_view::npos ? text_.size() : close + 2;
            word.text += text_.substr(position_, end - position_);
            position_ = end;
            word.expanded = true;
            return;
        }
        if (peek(1) == '(') {
            read_nested(word, depth, 2, ')');
            return;
        }
        std::size_t begin = position_++;
        if (peek() == '{') {
            auto close = text_.find('}', position_);
            position_ = close == std::string_view::npos ? text_.size() : close + 1;
        } else {
            while (position_ < text_.size() && (is_name_char(peek()) || peek() == ':')) {
                // PowerShell's `$env:NAME` scope qualifier
                if (peek() == ':' && dialect_ != Dialect::PowerShell) break;
                ++position_;
            }
            if (position_ == begin + 1 && position_ < text_.size() && std::string_view("?#@*!$-0123456789").find(peek()) != std::string_view::npos) {
                ++position_;  // special parameters: $?, $#, $@, $1, ...
            }
        }
        word.text += text_.substr(begin, position_ - begin);
        word.expanded = position_ > begin + 1 || word.expanded;
    }

    // `$...` and (in POSIX shells) backticks, unquoted or inside double quotes.
    bool read_expansion(Word& word, int depth) {
        if (peek() == '$') {
            read_dollar(word, depth);
            return true;
        }
        if (peek() == '`' && dialect_ == Dialect::Posix) {
            read_nested(word, depth, 1, '`');
            return true;
        }
        return false;
    }

    void read_single_quoted(Word& word) {
        ++position_;
        while (position_ < text_.size()) {
            char c = text_[position_++];
            if (c == '\'') {
                if (dialect_ == Dialect::PowerShell && peek() == '\'') {
                    word.text += '\'';
                    ++position_;
                    continue;
                }
                break;
            }
            word.text += c;
        }
        word.quoted = true;
    }

    void read_double_quoted(Word& word, int depth) {
        ++position_;
        word.quoted = true;
        while (position_ < text_.size()) {
            char c = peek();
            if (c == '"') {
                ++position_;
                if (dialect_ == Dialect::PowerShell && peek() == '"') {
                    word.text += '"';
                    ++position_;
                    continue;
                }
                return;
            }
            if (c == escape_char() && position_ + 1 < text_.size()) {
                char next = peek(1);
                bool escapable = dialect_ == Dialect::PowerShell || next == '"' || next == '\\' || next == '$' ||
                                 next == '`' || next == '\n';
                if (escapable) {
                    if (next != '\n') word.text += next;
                    position_ += 2;
                    continue;
                }
            }
            if (read_expansion(word, depth)) continue;
            word.text += c;
            ++position_;
        }
    }

    Word read_word(int depth) {
        Word word;
        word.begin = position_;
        while (position_ < text_.size()) {
            char c = peek();
            if ((c == '<' || c == '>') && peek(1) == '(' && word.text.empty()) {
                read_nested(word, depth, 2, ')');  // process substitution
                continue;
            }
            if (ends_word(c) || (terminator_ && c == terminator_)) break;
            if (c == escape_char()) {
                if (peek(1) == '\n') {
                    position_ += 2;
                    continue;
                }
                if (position_ + 1 < text_.size()) word.text += peek(1);
                position_ += 2;
                word.quoted = true;
                continue;
            }
            if (c == '$' && peek(1) == '\'' && dialect_ == Dialect::Posix) {
                ++position_;  // $'...' (ANSI-C quoting): close enough to a single-quoted string
                read_single_quoted(word);
                continue;
            }
            if (c == '\'') {
                read_single_quoted(word);
                continue;
            }
            if (c == '"') {
                read_double_quoted(word, depth);
                continue;
            }
            if (read_expansion(word, depth)) continue;
            word.text += c;
            ++position_;
        }
        word.end = position_;
        return word;
    }

    std::string_view text_;
    Dialect dialect_;
    std::vector<Command>& out_;
    std::size_t position_ = 0;
    int depth_ = 0;
    char terminator_ = '\0';  // what ends the nested sequence being read
    Command current_;
    bool started_ = false;
    bool pipe_pending_ = false;
    std::vector<PendingHeredoc> pending_heredocs_;
};

}  // namespace

Dialect dialect_of(std::string_view shell) {
    std::string_view name = shell.substr(0, shell.find(' '));
    if (name == "bash" || name == "sh" || name == "zsh" || name == "dash" || name == "ksh" || name.ends_with("/bash") ||
        name.ends_with("/sh")) {
        return Dialect::Posix;
    }
    if (name == "pwsh" || name == "powershell") return Dialect::PowerShell;
    return Dialect::Other;
}

std::vector<Command> parse_script(std::string_view script, Dialect dialect) {
    std::vector<Command> commands;
    if (dialect == Dialect::Other) return commands;
    Parser(script, dialect, commands).parse_all();
    std::stable_sort(commands.begin(), commands.end(),
                     [](const Command& a, const Command& b) { return a.begin < b.begin; });
    return commands;
}

}  // namespace pysec::shell
