#include "rules/uv/uv_resolution.hpp"

namespace pysec {

bool uv_has_flag(const UvCommand& uv, std::string_view flag) {
    for (const shell::Word* word : uv.arguments) {
        std::string_view text = word->text;
        if (text == "--") return false;
        if (text == flag || (text.starts_with(flag) && text.size() > flag.size() && text[flag.size()] == '=')) return true;
    }
    return false;
}

bool uv_manages_project(const UvCommand& uv) {
    if (uv.subcommand.size() != 1) return false;
    const std::string& verb = uv.subcommand[0];
    return verb == "lock" || verb == "sync" || verb == "run" || verb == "export" || verb == "add" || verb == "remove";
}

bool uv_resolves(const UvCommand& uv) {
    bool project = uv_manages_project(uv) || uv.is("tree");
    bool pip = uv.is("pip", "compile") || uv.is("pip", "install") || uv.is("pip", "sync");
    if (!project && !pip) return false;
    if (uv_has_flag(uv, "--frozen") || uv_has_flag(uv, "--offline")) return false;
    if (uv.is("run") && uv_has_flag(uv, "--no-sync")) return false;
    return true;
}

}  // namespace pysec
