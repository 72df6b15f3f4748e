#include <catch2/catch.hpp>

#include "python/marker.hpp"

using namespace pysec::python;

namespace {
using Values = std::map<std::string, std::string, std::less<>>;

Marker marker(std::string_view text) {
    auto parsed = Marker::parse(text);
    INFO(text);
    if (!parsed) FAIL(parsed.error().to_string());
    return *parsed;
}

MarkerEvaluation evaluate(std::string_view text, Values values, MarkerContext context = MarkerContext::metadata) {
    MarkerEnvironment environment;
    environment.values = std::move(values);
    return marker(text).evaluate(environment, context);
}

bool evaluates(std::string_view text, Values values, MarkerContext context = MarkerContext::metadata) {
    MarkerEvaluation result = evaluate(text, std::move(values), context);
    INFO(text << ": " << result.error);
    REQUIRE(result.ok());
    return result.matches;
}
}  // namespace

TEST_CASE("Marker prints packaging's normalized form", "[pep508]") {
    CHECK(marker("python_version == '2.7'").to_string() == "python_version == \"2.7\"");
    CHECK(marker("(python_version == \"2.7\")").to_string() == "python_version == \"2.7\"");
    CHECK(marker("((python_version=='2.7' and os_name=='nt'))").to_string() ==
          "python_version == \"2.7\" and os_name == \"nt\"");
    CHECK(marker("python_version=='2.7' and (sys_platform=='win32' or sys_platform=='linux')").to_string() ==
          "python_version == \"2.7\" and (sys_platform == \"win32\" or sys_platform == \"linux\")");
    // A doubly parenthesised group keeps one pair, so the precedence survives.
    CHECK(marker("python_version < '3.10' and ((sys_platform == 'linux' or sys_platform == 'darwin'))")
              .to_string() ==
          "python_version < \"3.10\" and (sys_platform == \"linux\" or sys_platform == \"darwin\")");
    CHECK(marker("os_name=='a' and (os_name=='b')").to_string() == "os_name == \"a\" and os_name == \"b\"");
    CHECK(marker("'2.7' not  in\tpython_version").to_string() == "\"2.7\" not in python_version");
    CHECK(marker("'a\"' == os_name or \"b'\" == os_name").to_string() == "'a\"' == os_name or \"b'\" == os_name");
}

TEST_CASE("Marker spellings: PEP 345 dotted names and setuptools' python_implementation", "[pep508]") {
    CHECK(marker("os.name == 'nt'") == marker("os_name == 'nt'"));
    CHECK(marker("platform.python_implementation == 'CPython'").to_string() ==
          "platform_python_implementation == \"CPython\"");
    CHECK(marker("python_implementation == 'CPython'").to_string() ==
          "platform_python_implementation == \"CPython\"");
}

TEST_CASE("Marker normalizes extra names (PEP 685)", "[pep508]") {
    CHECK(marker("extra == 'S_P__A_M'").to_string() == "extra == \"s-p-a-m\"");
    CHECK(marker("'S_P__A_M' == extra").to_string() == "\"s-p-a-m\" == extra");
    CHECK(marker("'Foo_Bar' not in extras").to_string() == "\"foo-bar\" not in extras");
    CHECK(marker("extra == os_name").to_string() == "extra == os_name");
}

TEST_CASE("Marker resolves string escapes as Python does", "[pep508]") {
    auto value = [](std::string_view text) {
        return marker(text).expression().terms.front().comparison->right.text;
    };
    CHECK(value(R"(os_name == "a\tb")") == "a\tb");
    CHECK(value(R"(os_name == "\x41\101\u00e9")") == "AA\xC3\xA9");
    CHECK(value(R"(os_name == "C:\\")") == "C:\\");
    CHECK(value(R"(os_name == "\d")") == "\\d");
    CHECK_FALSE(Marker::parse(R"(os_name == "\N{DASH}")").ok());
    CHECK_FALSE(Marker::parse("os_name == \"a\nb\"").ok());
}

TEST_CASE("Marker rejects what packaging rejects", "[pep508]") {
    for (std::string_view text :
         {"this_isnt_a_real_variable >= '1.0'", "python_version", "(python_version)",
          "python_version >= 1.0 and (python_version)", "(python_version == \"2.7\" and os_name == \"linux\"",
          "(python_version == \"2.7\") with random text", "python_version >= \"3\"\n",
          "python_version >= \"3\"\r\n", "", "os_name == 'a' and", "os_name == 'a' And os_name == 'b'"}) {
        INFO("marker: " << text);
        CHECK_FALSE(Marker::parse(text).ok());
    }
    CHECK(Marker::parse("python_version >= \"3\" \t").ok());
    auto error = Marker::parse("os_name == \"C:\\\"").error();
    CHECK(error.to_string() == "Invalid quoted string\n    os_name == \"C:\\\"\n               ~~~~~^");
}

TEST_CASE("Marker.evaluate: versions compare as versions, strings as strings", "[pep508]") {
    CHECK(evaluates("'2.7.9' < python_full_version", {{"python_full_version", "2.7.10"}}));
    CHECK_FALSE(evaluates("'2.7.9' < python_full_version", {{"python_full_version", "2.7.8"}}));
    CHECK(evaluates("python_full_version > '3.6.2'", {{"python_full_version", "3.11.0a5"}}));
    CHECK(evaluates("python_full_version < '3.12'", {{"python_full_version", "3.11.1+"}}));
    CHECK(evaluates("python_version ~= '2.7.0'", {{"python_version", "2.7.6"}}));
    CHECK(evaluates("python_version == '3.*'", {{"python_version", "3.12"}}));
    CHECK_FALSE(evaluates("'b' < python_full_version", {{"python_full_version", "c"}}));
    CHECK_FALSE(evaluates("'b' > 'a'", {{"a", "a"}}));
    CHECK(evaluates("'a' <= 'a'", {{"a", "a"}}));
    CHECK(evaluates("'2.7' in python_version", {{"python_version", "2.7.5"}}));
    CHECK_FALSE(evaluates("'2.7' not in python_version", {{"python_version", "2.7"}}));
    CHECK(evaluates("os_name == 'foo' and python_version ~= '2.7.0'",
                    {{"os_name", "foo"}, {"python_version", "2.7.6"}}));
    CHECK(evaluates("platform.machine=='x86_64'", {{"platform_machine", "x86_64"}}));
    CHECK_FALSE(evaluates("python_implementation=='Jython'", {{"platform_python_implementation", "CPython"}}));
}

TEST_CASE("Marker.evaluate: and binds tighter than or", "[pep508]") {
    Values env{{"os_name", "a"}, {"sys_platform", "x"}};
    CHECK(evaluates("os_name == 'b' and sys_platform == 'y' or os_name == 'a'", env));
    CHECK_FALSE(evaluates("os_name == 'b' and (sys_platform == 'y' or os_name == 'a')", env));
    CHECK(evaluates("os_name == 'a' or os_name == 'b' and sys_platform == 'y'", env));
}

TEST_CASE("Marker.evaluate: extras", "[pep508]") {
    CHECK_FALSE(evaluates("extra == 'security'", {}));  // metadata context: extra is ""
    CHECK(evaluates("extra == 'security'", {{"extra", "SECURITY"}}));
    CHECK(evaluates("extra == 'pep-685-norm'", {{"extra", "PEP_685...norm"}}));
    CHECK_FALSE(evaluates("extra == 'v2'", {{"extra", "v2a3"}}));  // not compared as versions

    MarkerEnvironment lock;
    lock.sets["extras"] = {"foo", "Bar_Baz"};
    CHECK(marker("'FOO' in extras").evaluate(lock, MarkerContext::lock_file).matches);
    CHECK(marker("'bar-baz' in extras").evaluate(lock, MarkerContext::lock_file).matches);
    CHECK(marker("'baz' not in extras").evaluate(lock, MarkerContext::lock_file).matches);
    CHECK_FALSE(marker("'x' in dependency_groups").evaluate({}, MarkerContext::lock_file).matches);
    CHECK_FALSE(marker("extras == 'foo'").evaluate(lock, MarkerContext::lock_file).ok());
}

TEST_CASE("Marker.evaluate reports what packaging raises", "[pep508]") {
    auto missing = evaluate("'foo' in extras", {});
    CHECK_FALSE(missing.ok());
    CHECK(missing.error == "Undefined environment name: 'extras'");
    auto missing_late = evaluate("os_name == 'a' or python_version > '3'", {{"os_name", "a"}});
    CHECK_FALSE(missing_late.ok());  // packaging evaluates every comparison
    auto undefined = evaluate("'2.7.0' ~= os_name", {{"os_name", "posix"}});
    CHECK(undefined.error == "Undefined <Op('~=')> on '2.7.0' and 'posix'.");
    CHECK_FALSE(evaluate("os_name === 'posix'", {{"os_name", "posix"}}).ok());
    CHECK_FALSE(evaluate("os_name == 'a'", {}, MarkerContext::requirement).ok());
}
