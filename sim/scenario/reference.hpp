#pragma once
// The parameter reference, written from the registry so that documentation cannot drift:
// every scalar and every table field with type, default, range, unit, meaning and source.
#include <ostream>
#include <string>

namespace placesim {

// Markdown tables of every parameter (used in docs/ODD.md and `placesim parameters`).
void write_parameter_reference(std::ostream& out);

// Replaces the text between "<!-- BEGIN GENERATED: name -->" and "<!-- END GENERATED: name -->"
// in document with content; throws std::runtime_error when the markers are missing.
std::string replace_generated_block(const std::string& document, const std::string& name,
                                    const std::string& content);

// The text between those markers.
std::string generated_block(const std::string& document, const std::string& name);

}  // namespace placesim
