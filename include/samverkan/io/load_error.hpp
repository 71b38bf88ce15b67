// load_error: why a model file could not be read, and where.
#ifndef SAMVERKAN_IO_LOAD_ERROR_HPP
#define SAMVERKAN_IO_LOAD_ERROR_HPP

#include <samverkan/error.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace samverkan::io {

/// Thrown by the readers for input that is unreadable or not a valid model. what() is
/// "SOURCE:LINE:COLUMN: JSON-PATH: MESSAGE", for example
///
///     model.json:14:11: /duties/0/raci/R/0: unknown actor "polis"; did you mean "lpo"?
///
/// where the line (1-based) and column (1-based, in Unicode code points) point at the offending token
/// and the path is a JSON pointer (RFC 6901). Parts that are unknown are left out: line() is 0 when no
/// position applies (a file that cannot be opened), json_path() is empty for the document as a whole.
///
///     try { auto m = samverkan::io::read_json_file("model.json"); }
///     catch (samverkan::io::load_error const& e) { std::cerr << e.what() << '\n'; }
class load_error : public error {
public:
    load_error(std::string source, std::size_t line, std::size_t column, std::string json_path, std::string message)
        : error{compose(source, line, column, json_path, message)},
          source_{std::move(source)},
          line_{line},
          column_{column},
          json_path_{std::move(json_path)},
          message_{std::move(message)} {}

    /// The file name given to the reader ("<input>" or "<stdin>" for text not read from a file).
    [[nodiscard]] std::string const& source() const noexcept { return source_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t column() const noexcept { return column_; }
    /// JSON pointer of the offending value, e.g. "/duties/3/raci/R/0"; empty for the whole document.
    [[nodiscard]] std::string const& json_path() const noexcept { return json_path_; }
    /// What is wrong, without the location.
    [[nodiscard]] std::string const& message() const noexcept { return message_; }

private:
    static std::string compose(std::string const& source, std::size_t line, std::size_t column, std::string const& path,
                               std::string const& message) {
        std::string out = source;
        if (line != 0) out += ':' + std::to_string(line) + ':' + std::to_string(column);
        out += ": ";
        if (!path.empty()) out += shortened(path) + ": ";
        return out + message;
    }
    /// Very deep paths (a nesting error) shown by their two ends; json_path() keeps the whole path.
    static std::string shortened(std::string const& path) {
        constexpr std::size_t keep = 60;
        if (path.size() <= 2 * keep + 5) return path;
        return path.substr(0, keep) + "..." + path.substr(path.size() - keep);
    }

    std::string source_;
    std::size_t line_;
    std::size_t column_;
    std::string json_path_;
    std::string message_;
};

} // namespace samverkan::io

#endif // SAMVERKAN_IO_LOAD_ERROR_HPP
