// Template files: reading and writing samverkan-template/1 (templates.md section 1).
//
//     auto t = samverkan::io::read_template_file("templates/est.json");   // validated, or load_error
//     samverkan::io::write_template_json(std::cout, t);                   // canonical form
//
// Reading is as strict as the model reader (io/json.hpp): strict JSON, wrong types, missing `format` or
// `id`, unknown keys (with "did you mean"), an unknown format or kind, and every rule of templates.md
// section 1 that find_problem() checks (duplicate ids, unresolved references, a role twice in one RACI
// list or in members, a cycle of `after`, a coordinator that is a `many` role, a wrong `each`). The first
// error is thrown as a load_error naming the source, line:column, JSON path and what is wrong. Set-valued
// lists (category, holds, after, requires, needs, covers) are read as sets; an empty list is no list.
//
// Canonical form of the writer: top level format, id, kind, name, basis, description, attributes, roles,
// stages, mandates, duties, forums; in an element its keys in the order of the table of section 1, id
// first, attributes last; empty strings and lists left out; booleans of roles, mandates and duties always
// written. Cost: O(size of the text) to read and O(size of the template) to write.
#ifndef SAMVERKAN_IO_TEMPLATE_JSON_HPP
#define SAMVERKAN_IO_TEMPLATE_JSON_HPP

#include <samverkan/detail/suggest.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/detail/json_element_reader.hpp>
#include <samverkan/io/detail/json_model_reader.hpp>
#include <samverkan/io/detail/json_model_writer.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>
#include <samverkan/templates/template.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace samverkan::io {

namespace detail {

using samverkan::detail::suggester;

namespace template_keys {
inline constexpr std::string_view top[] = {"format",     "id",    "kind",   "name",     "basis",  "description",
                                           "attributes", "roles", "stages", "mandates", "duties", "forums"};
inline constexpr std::string_view role[] = {"id", "name", "category", "holds", "many", "optional", "attributes"};
inline constexpr std::string_view stage[] = {"id", "name", "after", "attributes"};
inline constexpr std::string_view duty[] = {"id",    "name",     "basis", "stage", "requires",
                                            "needs", "optional", "raci",  "each",  "attributes"};
inline constexpr std::string_view forum[] = {"id", "name", "members", "coordinator", "covers", "attributes"};
} // namespace template_keys

/// The reader of samverkan-template/1: the model reader's machinery (json_element_reader.hpp: cursor,
/// typed reads, error locations, described mandates) plus the offsets of every string value, so that a
/// problem found after reading (templates::find_problem) is reported at its place in the text.
class template_reader : json_document_reader {
public:
    template_reader(std::string_view text, std::string_view source)
        : json_document_reader{text, source, json_cursor::default_max_depth} {}

    templates::collaboration_template read() {
        try {
            read_document();
        } catch (json_failure const& f) {
            throw error_of(f);
        }
        if (auto p = templates::find_problem(t_)) {
            std::string message = p->message;
            if (!p->unknown_ref.empty() || !p->known.empty()) {
                suggester s{p->unknown_ref};
                for (auto const& k : p->known) s.offer(k);
                message += s.hint();
            }
            auto const it = offsets_.find(p->path);
            throw error_at(it == offsets_.end() ? 0 : it->second, p->path, message);
        }
        templates::normalise(t_);
        return std::move(t_);
    }

private:
    /// A string value, its offset remembered under its path.
    std::string read_text() {
        std::string_view const v = read_string();
        offsets_.emplace(c_.path(), c_.offset());
        return std::string{v};
    }
    void read_list(std::vector<std::string>& out, std::string_view what = "a string (an id)") {
        out.clear();
        read_array([&](json_event e) {
            if (e != json_event::string) wrong_type(e, what);
            offsets_.emplace(c_.path(), c_.offset());
            out.emplace_back(c_.value());
        });
    }

    void read_document() {
        json_event e = c_.next();
        if (e != json_event::object_begin) wrong_type(e, "an object (a samverkan template) at the top level");
        std::size_t const root = c_.offset();
        bool format = false, id = false;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (k == "format") {
                std::string const v = read_text();
                if (v != "samverkan-template/1")
                    fail("unknown format " + quote(v) + "; this reader understands \"samverkan-template/1\"");
                format = true;
            } else if (k == "id") {
                t_.id = read_text();
                id = true;
            } else if (k == "kind") {
                std::string const v = read_text();
                if (v == "model") t_.kind = templates::template_kind::model;
                else if (v == "profile") t_.kind = templates::template_kind::profile;
                else {
                    suggester s{v};
                    s.offer("model");
                    s.offer("profile");
                    fail("unknown kind " + quote(v) + " (the kinds are model and profile)" + s.hint());
                }
            } else if (k == "name") {
                t_.name = read_text();
            } else if (k == "basis") {
                t_.basis = read_text();
            } else if (k == "description") {
                t_.description = read_text();
            } else if (k == "attributes") {
                read_attributes(t_.attributes);
            } else if (k == "roles") {
                read_array([&](json_event x) { read_role(x); });
            } else if (k == "stages") {
                read_array([&](json_event x) { read_stage(x); });
            } else if (k == "mandates") {
                read_array([&](json_event x) { read_mandate(x); });
            } else if (k == "duties") {
                read_array([&](json_event x) { read_duty(x); });
            } else if (k == "forums") {
                read_array([&](json_event x) { read_forum(x); });
            } else {
                unknown_key(k, template_keys::top, "the top level");
            }
        }
        if (!format)
            throw error_at(root, "",
                           "missing required key \"format\" at the top level (a template file starts with "
                           "\"format\": \"samverkan-template/1\")");
        if (!id) throw error_at(root, "", "missing required key \"id\" at the top level");
        c_.next();
    }

    void read_role(json_event e) {
        std::size_t const start = begin_object(e, "a role");
        templates::role r;
        bool id = false;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (k == "id") r.id = read_text(), id = true;
            else if (k == "name") r.name = read_text();
            else if (k == "category") read_list(r.category, "a string (an actor category)");
            else if (k == "holds") read_list(r.holds, "a string (a mandate id)");
            else if (k == "many") r.many = read_bool();
            else if (k == "optional") r.optional = read_bool();
            else if (k == "attributes") read_attributes(r.attributes);
            else unknown_key(k, template_keys::role, "a role");
        }
        if (!id) missing_key("id", "a role", start);
        t_.roles.push_back(std::move(r));
    }

    void read_stage(json_event e) {
        std::size_t const start = begin_object(e, "a stage");
        templates::template_stage s;
        bool id = false;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (k == "id") s.id = read_text(), id = true;
            else if (k == "name") s.name = read_text();
            else if (k == "after") read_list(s.after);
            else if (k == "attributes") read_attributes(s.attributes);
            else unknown_key(k, template_keys::stage, "a stage");
        }
        if (!id) missing_key("id", "a stage", start);
        t_.stages.push_back(std::move(s));
    }

    void read_mandate(json_event e) {
        // the model's own mandate type, read by the model reader's described-member machinery
        samverkan::mandate x;
        std::size_t const id_at = read_element(e, x, known_keys<mandate_id, samverkan::mandate>(), "a mandate",
                                               [](std::string_view) { return false; });
        offsets_.emplace(c_.path() + "/id", id_at);
        t_.mandates.push_back(std::move(x));
    }

    void read_raci(templates::template_duty& d) {
        json_event e = c_.next();
        if (e != json_event::object_begin) wrong_type(e, "an object with the keys R, A, C and I");
        while ((e = c_.next()) == json_event::key) read_list(d.raci[raci_role(c_.value())], "a string (a role id)");
    }

    void read_duty(json_event e) {
        std::size_t const start = begin_object(e, "a duty");
        templates::template_duty d;
        bool id = false;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (k == "id") d.id = read_text(), id = true;
            else if (k == "name") d.name = read_text();
            else if (k == "basis") d.basis = read_text();
            else if (k == "stage") d.stage = read_text();
            else if (k == "requires") read_list(d.requires_, "a string (a mandate id)");
            else if (k == "needs") read_list(d.needs, "a string (a duty id)");
            else if (k == "optional") d.optional = read_bool();
            else if (k == "raci") read_raci(d);
            else if (k == "each") d.each = read_text();
            else if (k == "attributes") read_attributes(d.attributes);
            else if (k == "scope")
                fail("unknown key \"scope\" in a duty: a template duty has no scope; applying the template gives "
                     "it the application scope");
            else unknown_key(k, template_keys::duty, "a duty");
        }
        if (!id) missing_key("id", "a duty", start);
        t_.duties.push_back(std::move(d));
    }

    void read_forum(json_event e) {
        std::size_t const start = begin_object(e, "a forum");
        templates::template_forum f;
        bool id = false;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (k == "id") f.id = read_text(), id = true;
            else if (k == "name") f.name = read_text();
            else if (k == "members") read_list(f.members, "a string (a role id)");
            else if (k == "coordinator") f.coordinator = read_text();
            else if (k == "covers") read_list(f.covers, "a string (a duty id)");
            else if (k == "attributes") read_attributes(f.attributes);
            else if (k == "scope" || k == "model")
                fail("unknown key " + quote(k) + " in a forum: a template forum has no " + std::string{k} +
                     "; applying the template gives it");
            else unknown_key(k, template_keys::forum, "a forum");
        }
        if (!id) missing_key("id", "a forum", start);
        t_.forums.push_back(std::move(f));
    }

    templates::collaboration_template t_;
    std::unordered_map<std::string, std::size_t> offsets_; // JSON path of each string value -> its offset
};

class template_writer {
    static std::string_view text(std::string const& s) noexcept { return s; }
    static auto owner(std::string_view kind, std::string_view id) {
        return [kind, id] { return std::string{kind} + " " + quote(id); };
    }

public:
    template_writer(json_sink& out, templates::collaboration_template const& t) : out_{out}, t_{t} {}

    void write() {
        object_writer top{out_, 0};
        top.string("format", "samverkan-template/1");
        top.string("id", t_.id);
        top.string("kind", templates::to_string(t_.kind));
        if (t_.name) top.string("name", *t_.name);
        top.optional_string("basis", t_.basis);
        top.optional_string("description", t_.description);
        top.attributes(t_.attributes, [] { return std::string{"the template"}; });
        array(top, "roles", t_.roles, [&](object_writer& o, templates::role const& r) {
            o.string("id", r.id);
            o.optional_string("name", r.name);
            o.ids("category", r.category, text);
            o.ids("holds", r.holds, text);
            o.boolean("many", r.many);
            o.boolean("optional", r.optional);
            o.attributes(r.attributes, owner("role", r.id));
        });
        array(top, "stages", t_.stages, [&](object_writer& o, templates::template_stage const& s) {
            o.string("id", s.id);
            o.optional_string("name", s.name);
            o.ids("after", s.after, text);
            o.attributes(s.attributes, owner("stage", s.id));
        });
        array(top, "mandates", t_.mandates, [&](object_writer& o, samverkan::mandate const& x) {
            o.string("id", x.id);
            o.optional_string("name", x.name);
            o.optional_string("basis", x.basis);
            o.boolean("exclusive", x.exclusive);
            o.boolean("delegable", x.delegable);
            o.attributes(x.attributes, owner("mandate", x.id));
        });
        array(top, "duties", t_.duties, [&](object_writer& o, templates::template_duty const& d) {
            o.string("id", d.id);
            o.optional_string("name", d.name);
            o.optional_string("basis", d.basis);
            if (d.stage) o.string("stage", *d.stage);
            o.ids("requires", d.requires_, text);
            o.ids("needs", d.needs, text);
            o.boolean("optional", d.optional);
            bool any = false;
            for (auto const& l : d.raci) any = any || !l.empty();
            if (any) {
                o.key("raci");
                object_writer r{out_, o.level() + 1};
                static constexpr char const* letters[] = {"R", "A", "C", "I"};
                for (std::size_t i = 0; i < 4; ++i) r.ids(letters[i], d.raci[i], text);
                r.close();
            }
            if (d.each) o.string("each", *d.each);
            o.attributes(d.attributes, owner("duty", d.id));
        });
        array(top, "forums", t_.forums, [&](object_writer& o, templates::template_forum const& f) {
            o.string("id", f.id);
            o.optional_string("name", f.name);
            o.ids("members", f.members, text);
            if (f.coordinator) o.string("coordinator", *f.coordinator);
            o.ids("covers", f.covers, text);
            o.attributes(f.attributes, owner("forum", f.id));
        });
        top.close();
        out_.put('\n');
    }

private:
    template <class V, class Element>
    void array(object_writer& parent, std::string_view k, V const& v, Element const& element) {
        if (v.empty()) return;
        parent.key(k);
        out_.put('[');
        bool first = true;
        for (auto const& e : v) {
            if (!first) out_.put(',');
            first = false;
            out_.newline(2);
            object_writer o{out_, 2};
            element(o, e);
            o.close();
        }
        out_.newline(1);
        out_.put(']');
    }

    json_sink& out_;
    templates::collaboration_template const& t_;
};

} // namespace detail

/// Reads a template from samverkan-template/1 text; `source` names it in messages. Throws load_error.
///     auto t = samverkan::io::read_template(text, "est.json");
[[nodiscard]] inline templates::collaboration_template read_template(std::string_view text,
                                                                     std::string_view source = "<input>") {
    return detail::template_reader{text, source}.read();
}

/// Reads a template file; messages name the file. Throws load_error.
[[nodiscard]] inline templates::collaboration_template read_template_file(std::filesystem::path const& path) {
    std::string const text = read_file(path);
    return read_template(text, path.string());
}

/// The canonical samverkan-template/1 text of `t` (see the top of this header), ending with a newline.
/// Throws samverkan::error when attributes are not a JSON object or a text is not valid UTF-8.
[[nodiscard]] inline std::string to_json(templates::collaboration_template const& t) {
    detail::json_sink out;
    detail::template_writer{out, t}.write();
    return std::move(out.buffer());
}

/// Writes `t` as canonical samverkan-template/1 JSON. Throws samverkan::error (see to_json).
inline void write_template_json(std::ostream& os, templates::collaboration_template const& t) {
    detail::json_sink out{&os};
    detail::template_writer{out, t}.write();
    out.flush();
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_TEMPLATE_JSON_HPP
