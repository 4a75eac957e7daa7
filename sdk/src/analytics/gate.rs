//! The two queues between an event and its sinks: the consent gate, and the collector's outbox.

use std::collections::VecDeque;

/// Holds events until the shopper has chosen, in a market that asks first.
///
/// ```
/// use dhow_sdk::analytics::Gate;
///
/// let mut gate = Gate::waiting();
/// assert_eq!(gate.offer("page_view"), None); // kept: no choice yet
/// assert_eq!(gate.decide(true), vec!["page_view"]); // accepted: the page view is not lost
/// assert_eq!(gate.offer("add_to_cart"), Some("add_to_cart"));
/// gate.decide(false); // withdrawn
/// assert_eq!(gate.offer("view_cart"), None);
/// ```
#[derive(Debug)]
pub struct Gate<T> {
    state: GateState,
    waiting: VecDeque<T>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GateState {
    Waiting,
    Open,
    Closed,
}

impl<T> Gate<T> {
    /// Events kept at most while waiting; older ones are dropped first.
    pub const CAPACITY: usize = 100;

    /// No choice yet: events are kept in memory.
    pub fn waiting() -> Gate<T> {
        Gate {
            state: GateState::Waiting,
            waiting: VecDeque::new(),
        }
    }

    /// A gate that lets events through (`true`) or drops them (`false`).
    pub fn decided(open: bool) -> Gate<T> {
        Gate {
            state: if open {
                GateState::Open
            } else {
                GateState::Closed
            },
            waiting: VecDeque::new(),
        }
    }

    /// Whether events pass.
    pub fn is_open(&self) -> bool {
        self.state == GateState::Open
    }

    /// An event: given back to send now, kept while waiting, dropped when closed.
    pub fn offer(&mut self, event: T) -> Option<T> {
        match self.state {
            GateState::Open => Some(event),
            GateState::Closed => None,
            GateState::Waiting => {
                if self.waiting.len() == Self::CAPACITY {
                    self.waiting.pop_front();
                }
                self.waiting.push_back(event);
                None
            }
        }
    }

    /// The shopper chose: on acceptance the kept events are given back in order, on refusal
    /// they are dropped.
    pub fn decide(&mut self, open: bool) -> Vec<T> {
        let kept: Vec<T> = self.waiting.drain(..).collect();
        if open {
            self.state = GateState::Open;
            kept
        } else {
            self.state = GateState::Closed;
            Vec::new()
        }
    }
}

/// Events waiting for the collector, sent in batches; a batch the browser would not take is put
/// back and sent with the next one. Bounded: when full, the oldest events are dropped (and
/// counted).
///
/// ```
/// use dhow_sdk::analytics::Outbox;
///
/// let mut outbox = Outbox::new(3);
/// for e in ["1", "2", "3", "4"] { outbox.push(e.to_owned()); }
/// assert_eq!(outbox.dropped(), 1);
/// let batch = outbox.take(10);
/// assert_eq!(batch, ["2", "3", "4"]);
/// outbox.put_back(batch); // the browser refused it
/// assert_eq!(outbox.len(), 3);
/// assert_eq!(Outbox::payload(&outbox.take(2), Some("c1")), r#"{"version":1,"client_id":"c1","events":[2,3]}"#);
/// ```
#[derive(Debug)]
pub struct Outbox {
    events: VecDeque<String>,
    capacity: usize,
    dropped: u64,
}

impl Outbox {
    /// An empty outbox holding at most `capacity` events.
    pub fn new(capacity: usize) -> Outbox {
        Outbox {
            events: VecDeque::new(),
            capacity: capacity.max(1),
            dropped: 0,
        }
    }

    /// Queues an event (its exact JSON).
    pub fn push(&mut self, event: String) {
        if self.events.len() == self.capacity {
            self.events.pop_front();
            self.dropped += 1;
        }
        self.events.push_back(event);
    }

    /// Events waiting.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Events dropped because the outbox was full.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Takes up to `max` of the oldest events.
    pub fn take(&mut self, max: usize) -> Vec<String> {
        let n = max.min(self.events.len());
        self.events.drain(..n).collect()
    }

    /// Puts a batch that could not be sent back in front, as far as there is room.
    pub fn put_back(&mut self, batch: Vec<String>) {
        for event in batch.into_iter().rev() {
            if self.events.len() == self.capacity {
                self.dropped += 1;
                continue;
            }
            self.events.push_front(event);
        }
    }

    /// The body sent to the collector: `{"version":1,"client_id":…,"events":[…]}`.
    pub fn payload(batch: &[String], client_id: Option<&str>) -> String {
        let mut out = String::from("{\"version\":1");
        if let Some(id) = client_id {
            out.push_str(",\"client_id\":");
            out.push_str(&serde_json::to_string(id).unwrap_or_else(|_| "null".into()));
        }
        out.push_str(",\"events\":[");
        out.push_str(&batch.join(","));
        out.push_str("]}");
        out
    }
}
