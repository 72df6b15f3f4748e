#pragma once
// Is this a variable or setting that holds a secret, and is its value a real
// one rather than a placeholder?

#include <string_view>

namespace pysec {

// A name with a word such as SECRET, TOKEN, PASSWORD, PASSWD, PASS, PWD, KEY,
// APIKEY, CREDENTIALS or AUTH (words split at `_`, `-`, `.`, any case), unless
// it names something about the secret rather than the secret itself (its last
// word is ID, FILE, PATH, DIR, NAME, URL, TYPE, ...), or it says PUBLIC or
// PUBLISHABLE, or it is the shell's PWD/OLDPWD.
bool is_secret_looking_name(std::string_view name);

// Empty, a reference (`$VAR`, `${VAR}`, `%(var)s`, `${{ secrets.X }}`), an
// obvious placeholder (`<token>`, `changeme`, `your-token-here`, `xxxx`,
// `example`, `dummy`, ...), or a development default (`dev`, `test`,
// `secret`, `password`, `true`, `none`, ...).
bool is_placeholder_value(std::string_view value);

}  // namespace pysec
