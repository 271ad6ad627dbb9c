//! Feature templates, declared once per model by [`feature_templates!`]: an enum whose ids are
//! hashed into every feature the template makes, so they are the shipped model's weights' keys
//! (never renumber or reuse one: two variants with one id do not compile), the list of all of
//! them, and the feature key of a template with two values.

/// Declares a model's feature templates: `enum Name { Variant = id, … }` (doc comments allowed)
/// becomes that enum (`repr(u64)`), `Name::ALL` (every template, in declaration order, so a test
/// over it sees a template added later) and `Name::key(self, a, b)` (the hashed feature).
macro_rules! feature_templates {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:expr ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u64)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant = $id ),*
        }

        impl $name {
            /// Every template, in declaration order.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// Every template's id, sorted (what the tests hold to the shipped model's).
            #[cfg(test)]
            #[allow(dead_code)]
            pub fn ids() -> Vec<u64> {
                let mut ids: Vec<u64> = Self::ALL.iter().map(|&t| t as u64).collect();
                ids.sort_unstable();
                ids
            }

            /// The feature of this template with values `a` and `b`.
            #[inline]
            pub fn key(self, a: u64, b: u64) -> u64 {
                $crate::seq::hash::key(self as u64, a, b)
            }
        }
    };
}

pub(crate) use feature_templates;

#[cfg(test)]
mod tests {
    feature_templates! {
        /// A toy model's templates.
        enum Toy {
            /// The first.
            First = 7,
            Second = 3,
        }
    }

    #[test]
    fn a_declaration_lists_its_templates_and_hashes_their_ids() {
        assert_eq!(Toy::ALL, &[Toy::First, Toy::Second]);
        assert_eq!(Toy::ids(), vec![3, 7]);
        assert_eq!(Toy::First.key(1, 2), crate::seq::hash::key(7, 1, 2));
        assert_ne!(Toy::First.key(1, 2), Toy::Second.key(1, 2));
    }
}
