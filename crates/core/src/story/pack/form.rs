//! The packed form of each type of the story: structs as their fields in
//! order, enums as a tag and their fields.

use super::{put_str, Pack, PackError, Reader};
use crate::i18n::Texts;
use crate::story::{
    ArticleInfo, Claim, Dateline, Entity, EntityKind, Event, Mention, Quote, Story, StoryPlace,
    Warning, YearSource, SCHEMA,
};

/// Packs a fieldless enum as its position in `all`.
macro_rules! pack_unit_enum {
    ($t:ty, [$($v:path),+ $(,)?]) => {
        impl Pack for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let all = [$($v),+];
                let i = all.iter().position(|v| v == self).unwrap_or(0);
                out.push(i as u8);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
                let all = [$($v),+];
                Ok(all[usize::from(r.tag(all.len() as u8)?)])
            }
        }
    };
}

pack_unit_enum!(
    YearSource,
    [
        YearSource::Text,
        YearSource::Metadata,
        YearSource::Inferred,
        YearSource::Unknown,
    ]
);
pack_unit_enum!(
    EntityKind,
    [
        EntityKind::Person,
        EntityKind::Media,
        EntityKind::Programme,
        EntityKind::Organisation,
        EntityKind::State,
    ]
);

/// Packs a struct as its fields in order.
macro_rules! pack_struct {
    ($t:ident { $($f:ident),+ $(,)? }) => {
        impl Pack for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)+
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
                Ok($t { $($f: Pack::take(r)?),+ })
            }
        }
    };
}

pack_struct!(Dateline {
    span,
    place_text,
    place,
    agency,
    date,
    month,
    day,
    year_source,
    candidate_years,
});
impl Pack for ArticleInfo {
    fn put(&self, out: &mut Vec<u8>) {
        self.headline.put(out);
        self.headline_span.put(out);
        self.publisher.put(out);
        self.url.put(out);
        self.language.put(out);
        self.published.put(out);
        self.dateline.put(out);
        self.publisher_name.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        Ok(ArticleInfo {
            headline: Pack::take(r)?,
            headline_span: Pack::take(r)?,
            publisher: Pack::take(r)?,
            url: Pack::take(r)?,
            language: Pack::take(r)?,
            published: Pack::take(r)?,
            dateline: Pack::take(r)?,
            // Version 4 added the publisher's names.
            publisher_name: if r.version >= b'4' {
                Pack::take(r)?
            } else {
                None
            },
        })
    }
}
pack_struct!(Entity {
    id,
    kind,
    name,
    role,
    country,
    mentions,
});
pack_struct!(Mention { place, span, exact });
/// A text of our own: its form in each language of the story's list.
impl Pack for Texts {
    fn put(&self, out: &mut Vec<u8>) {
        for (_, form) in self.iter() {
            put_str(out, form);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        let mut t = Texts::default();
        for i in 0..r.langs.len() {
            let form: String = Pack::take(r)?;
            if let Some(lang) = r.langs[i] {
                t.set(lang, form);
            }
        }
        Ok(t)
    }
}
pack_struct!(Event {
    id,
    date,
    start,
    title,
    places,
    evidence,
    passages,
    date_note,
});
pack_struct!(Quote {
    span,
    speaker,
    attribution,
});
pack_struct!(StoryPlace {
    id,
    parent,
    kind,
    point,
    name,
    romaji,
    source,
});
pack_struct!(Claim {
    id,
    side,
    statement,
    evidence,
    reported_by,
});

impl Pack for Story {
    fn put(&self, out: &mut Vec<u8>) {
        self.article.put(out);
        self.text.put(out);
        self.entities.put(out);
        self.sentences.put(out);
        self.mentions.put(out);
        self.events.put(out);
        self.quotes.put(out);
        self.claims.put(out);
        self.warnings.put(out);
        self.places.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        Ok(Story {
            schema: SCHEMA.into(),
            article: Pack::take(r)?,
            text: Pack::take(r)?,
            entities: Pack::take(r)?,
            sentences: Pack::take(r)?,
            mentions: Pack::take(r)?,
            events: Pack::take(r)?,
            quotes: Pack::take(r)?,
            claims: Pack::take(r)?,
            warnings: Pack::take(r)?,
            // Version 3 added the places the story carries.
            places: if r.version >= b'3' {
                Pack::take(r)?
            } else {
                Vec::new()
            },
            steps: Default::default(),
        })
    }
}

impl Pack for Warning {
    fn put(&self, out: &mut Vec<u8>) {
        use Warning::*;
        match self {
            NoDateline => out.push(0),
            NoYear { candidates } => {
                out.push(1);
                candidates.put(out);
            }
            DatelineMismatch {
                dateline,
                published,
            } => {
                out.push(2);
                dateline.put(out);
                published.put(out);
            }
            WeekdayMismatch { weekday, date } => {
                out.push(3);
                weekday.put(out);
                date.put(out);
            }
            DateMismatch {
                event,
                written,
                known,
            } => {
                out.push(4);
                event.put(out);
                written.put(out);
                known.put(out);
            }
            UnknownPlace { event, place } => {
                out.push(5);
                event.put(out);
                place.put(out);
            }
            Corrected {
                text,
                resolved,
                span,
            } => {
                out.push(6);
                text.put(out);
                resolved.put(out);
                span.put(out);
            }
            UnresolvedPlace { text } => {
                out.push(7);
                text.put(out);
            }
            UnattributedQuote { span } => {
                out.push(8);
                span.put(out);
            }
            UnclosedQuote { at } => {
                out.push(9);
                at.put(out);
            }
            YearInferred { year, candidates } => {
                out.push(10);
                year.put(out);
                candidates.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        use Warning::*;
        Ok(match r.tag(11)? {
            0 => NoDateline,
            1 => NoYear {
                candidates: Pack::take(r)?,
            },
            2 => DatelineMismatch {
                dateline: Pack::take(r)?,
                published: Pack::take(r)?,
            },
            3 => WeekdayMismatch {
                weekday: Pack::take(r)?,
                date: Pack::take(r)?,
            },
            4 => DateMismatch {
                event: Pack::take(r)?,
                written: Pack::take(r)?,
                known: Pack::take(r)?,
            },
            5 => UnknownPlace {
                event: Pack::take(r)?,
                place: Pack::take(r)?,
            },
            6 => Corrected {
                text: Pack::take(r)?,
                resolved: Pack::take(r)?,
                span: Pack::take(r)?,
            },
            7 => UnresolvedPlace {
                text: Pack::take(r)?,
            },
            8 => UnattributedQuote {
                span: Pack::take(r)?,
            },
            9 => UnclosedQuote { at: Pack::take(r)? },
            _ => YearInferred {
                year: Pack::take(r)?,
                candidates: Pack::take(r)?,
            },
        })
    }
}
