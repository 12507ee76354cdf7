//! Who may take which name: devices, their requests, and the chair's decisions (see the
//! module docs of `crate::live`).
//!
//! A device is known from its first join request: it gets a random token, which is both its
//! identity and — once the chair approves its request — the participant's credential. The
//! chair's decisions (approve, refuse, release, block) and every position a device writes go
//! into the audit log with the participant and the device.

use std::collections::HashSet;
use std::net::IpAddr;

use chrono::{DateTime, Utc};

use super::{new_token, participants, same_secret, Shared};
use pejling_core::domain::Id;
use pejling_core::error::{Error, Message, Result};
use pejling_core::store::LiveDeviceRecord;

pub(crate) struct Device {
    pub id: u32,
    pub token: String,
    /// "iPhone · Safari · 192.168.1.34 · #3"
    pub label: String,
    pub address: IpAddr,
    /// The name this device holds, and since when.
    pub person: Option<(Id, DateTime<Utc>)>,
    /// The name it asks for, and since when.
    pub request: Option<(Id, DateTime<Utc>)>,
    /// Its last request was refused (its page says so).
    pub refused: bool,
    pub blocked: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub(crate) struct Admission {
    devices: Vec<Device>,
    next_id: u32,
    blocked_addresses: HashSet<IpAddr>,
    /// Personal one-time codes the chair handed out: person → code (upper case, no dash).
    codes: std::collections::HashMap<Id, String>,
}

/// What a device is, as the guard in front of every route sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Caller {
    pub device: Option<u32>,
    /// The name the device holds (approved).
    pub person: Option<Id>,
}

/// Where a device stands, for its own page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    Unknown,
    Waiting,
    Refused,
    Blocked,
    Joined,
    /// Known, holding nothing and asking for nothing (released).
    Idle,
}

/// What a join request came to.
pub(crate) enum JoinOutcome {
    /// Waiting for the chair (or approved at once with `admit_all`); a new device's token
    /// to set as its cookie.
    Asked {
        new_token: Option<String>,
    },
    AlreadyJoined,
    Taken,
    Blocked,
    TooMany,
}

impl Admission {
    /// The device whose token this is. Every token is compared whole, so timing tells
    /// nothing about which came close.
    pub fn caller(&self, token: Option<&str>) -> Caller {
        let Some(token) = token else { return Caller { device: None, person: None } };
        let found =
            self.devices.iter().fold(None, |found, d| if same_secret(&d.token, token) { Some(d) } else { found });
        match found {
            Some(d) => {
                Caller { device: Some(d.id), person: if d.blocked.is_none() { d.person.map(|p| p.0) } else { None } }
            }
            None => Caller { device: None, person: None },
        }
    }

    pub fn device(&self, id: u32) -> Option<&Device> {
        self.devices.iter().find(|d| d.id == id)
    }

    fn device_mut(&mut self, id: u32) -> Option<&mut Device> {
        self.devices.iter_mut().find(|d| d.id == id)
    }

    pub fn standing(&self, device: Option<u32>) -> Standing {
        match device.and_then(|id| self.device(id)) {
            None => Standing::Unknown,
            Some(d) if d.blocked.is_some() => Standing::Blocked,
            Some(d) if d.person.is_some() => Standing::Joined,
            Some(d) if d.request.is_some() => Standing::Waiting,
            Some(d) if d.refused => Standing::Refused,
            Some(_) => Standing::Idle,
        }
    }

    /// The names taken: (device, person, device label, since).
    pub fn holders(&self) -> Vec<(u32, Id, String, DateTime<Utc>)> {
        self.devices
            .iter()
            .filter(|d| d.blocked.is_none())
            .filter_map(|d| d.person.map(|(p, at)| (d.id, p, d.label.clone(), at)))
            .collect()
    }

    /// A new personal one-time code for `person` (replacing any earlier one).
    pub fn issue_code(&mut self, person: Id) -> Result<String> {
        let code = super::new_join_code()?;
        self.codes.insert(person, code.clone());
        Ok(code)
    }

    /// Whether `code` is `person`'s personal code (compared whole; case and dashes ignored).
    pub fn code_matches(&self, person: Id, code: &str) -> bool {
        let given: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_uppercase();
        self.codes.get(&person).is_some_and(|c| same_secret(c, &given))
    }

    pub fn taken(&self) -> Vec<Id> {
        self.holders().into_iter().map(|h| h.1).collect()
    }

    /// Requests waiting for the chair, oldest first: (device, person, device label, since).
    pub fn pending(&self) -> Vec<(u32, Id, String, DateTime<Utc>)> {
        let mut out: Vec<_> = self
            .devices
            .iter()
            .filter(|d| d.blocked.is_none())
            .filter_map(|d| d.request.map(|(p, at)| (d.id, p, d.label.clone(), at)))
            .collect();
        out.sort_by_key(|r| (r.3, r.0));
        out
    }

    pub fn blocked(&self) -> Vec<(u32, String, DateTime<Utc>)> {
        self.devices.iter().filter_map(|d| d.blocked.map(|at| (d.id, d.label.clone(), at))).collect()
    }

    /// A device asks for `person`'s name (already checked to be a participant).
    pub fn ask(
        &mut self,
        caller: Caller,
        person: Id,
        address: IpAddr,
        user_agent: &str,
        limits: &super::LiveLimits,
    ) -> Result<JoinOutcome> {
        if caller.person.is_some() {
            return Ok(JoinOutcome::AlreadyJoined);
        }
        if self.blocked_addresses.contains(&address) {
            return Ok(JoinOutcome::Blocked);
        }
        if let Some(d) = caller.device.and_then(|id| self.device(id)) {
            if d.blocked.is_some() {
                return Ok(JoinOutcome::Blocked);
            }
        }
        if self.taken().contains(&person) {
            return Ok(JoinOutcome::Taken);
        }
        let now = Utc::now();
        // A known device changes its request (one request, one name per device).
        if let Some(d) = caller.device.and_then(|id| self.device_mut(id)) {
            d.request = Some((person, now));
            d.refused = false;
            return Ok(JoinOutcome::Asked { new_token: None });
        }
        let waiting = self.devices.iter().filter(|d| d.request.is_some() && d.blocked.is_none());
        let (all, here) = waiting.fold((0, 0), |(all, here), d| (all + 1, here + usize::from(d.address == address)));
        if all >= limits.max_pending || here >= limits.max_pending_per_address {
            return Ok(JoinOutcome::TooMany);
        }
        if self.devices.len() >= limits.max_devices {
            // Forget the oldest device that holds, asks and is blocked for nothing.
            match self.devices.iter().position(|d| d.person.is_none() && d.request.is_none() && d.blocked.is_none()) {
                Some(i) => {
                    self.devices.remove(i);
                }
                None => return Ok(JoinOutcome::TooMany),
            }
        }
        self.next_id += 1;
        let id = self.next_id;
        let token = new_token()?;
        self.devices.push(Device {
            id,
            token: token.clone(),
            label: device_label(user_agent, address, id),
            address,
            person: None,
            request: Some((person, now)),
            refused: false,
            blocked: None,
        });
        Ok(JoinOutcome::Asked { new_token: Some(token) })
    }
}

pub(crate) enum Decision {
    Approve,
    /// Approved by `admit_all`, not by the chair.
    Admit,
    /// Approved by the person's one-time code the chair handed out (the code is used up).
    Code,
    Refuse,
    Block,
}

fn record(shared: &Shared, device: &Device, person: Id, event: &str) -> Result<()> {
    let mut guard = shared.db.lock().unwrap_or_else(|p| p.into_inner());
    let db = guard.as_mut().ok_or_else(|| Error::Conflict(Message::new("error-live-ended")))?;
    let name = participants(db, shared.meeting_id)?
        .into_iter()
        .find(|p| p.person_id == person)
        .map(|p| p.name)
        .unwrap_or_default();
    db.record_live_admission(
        shared.meeting_id,
        &LiveDeviceRecord {
            session: &shared.session_id,
            device_id: device.id,
            device_label: &device.label,
            address: &device.address.to_string(),
            person_id: person,
            person_name: &name,
        },
        event,
    )
}

/// The chair decides on a device (or `admit_all` does). The audit row is written while the
/// decision is made, under the same lock: a decision that is not recorded is not taken.
pub(crate) fn decide(shared: &Shared, device_id: u32, decision: Decision) -> Result<()> {
    let mut a = shared.admission.lock().unwrap_or_else(|p| p.into_inner());
    let no_request = || Error::Conflict(Message::new("error-live-no-request"));
    let device = a.device(device_id).ok_or_else(no_request)?;
    match decision {
        Decision::Approve | Decision::Admit | Decision::Code | Decision::Refuse => {
            let Some((person, _)) = device.request.filter(|_| device.blocked.is_none()) else {
                return Err(no_request());
            };
            if !matches!(decision, Decision::Refuse) {
                if a.taken().contains(&person) {
                    return Err(Error::Conflict(Message::new("error-live-name-taken")));
                }
                let event = match decision {
                    Decision::Admit => "admitted",
                    Decision::Code => "code",
                    _ => "approved",
                };
                record(shared, device, person, event)?;
                if matches!(decision, Decision::Code) {
                    a.codes.remove(&person);
                }
                let d = a.device_mut(device_id).expect("found above");
                d.request = None;
                d.person = Some((person, Utc::now()));
                // Whoever else asked for this name is refused: it is taken.
                for other in a.devices.iter_mut().filter(|d| d.id != device_id) {
                    if other.request.is_some_and(|r| r.0 == person) {
                        other.request = None;
                        other.refused = true;
                    }
                }
            } else {
                record(shared, device, person, "refused")?;
                let d = a.device_mut(device_id).expect("found above");
                d.request = None;
                d.refused = true;
            }
        }
        Decision::Block => {
            if device.blocked.is_some() {
                return Ok(());
            }
            let person = device.person.or(device.request).map(|p| p.0).unwrap_or(0);
            record(shared, device, person, "blocked")?;
            let d = a.device_mut(device_id).expect("found above");
            d.person = None;
            d.request = None;
            d.blocked = Some(Utc::now());
            let address = d.address;
            a.blocked_addresses.insert(address);
        }
    }
    Ok(())
}

/// Free `person`'s name; `false` when nobody held it.
pub(crate) fn release(shared: &Shared, person: Id) -> Result<bool> {
    let mut a = shared.admission.lock().unwrap_or_else(|p| p.into_inner());
    let Some(device) = a.devices.iter().find(|d| d.person.is_some_and(|p| p.0 == person) && d.blocked.is_none()) else {
        return Ok(false);
    };
    let id = device.id;
    record(shared, device, person, "released")?;
    let d = a.device_mut(id).expect("found above");
    d.person = None;
    d.refused = false;
    Ok(true)
}

/// How the chair recognises a device: its kind and browser from the User-Agent (only
/// known words, so a crafted header puts no text of its own on the chair's screen), its
/// address and its number.
pub(crate) fn device_label(user_agent: &str, address: IpAddr, id: u32) -> String {
    let ua = &user_agent[..user_agent.len().min(512)];
    let has = |s: &str| ua.contains(s);
    let kind = if has("iPhone") {
        "iPhone"
    } else if has("iPad") {
        "iPad"
    } else if has("Android") {
        if has("Mobile") {
            "Android-telefon"
        } else {
            "Android-tablet"
        }
    } else if has("CrOS") {
        "Chromebook"
    } else if has("Windows") {
        "Windows"
    } else if has("Macintosh") || has("Mac OS X") {
        "Mac"
    } else if has("Linux") {
        "Linux"
    } else {
        "?"
    };
    let browser = if has("Edg/") || has("EdgA/") || has("EdgiOS/") {
        "Edge"
    } else if has("OPR/") {
        "Opera"
    } else if has("SamsungBrowser") {
        "Samsung Internet"
    } else if has("Firefox/") || has("FxiOS/") {
        "Firefox"
    } else if has("CriOS/") || has("Chrome/") {
        "Chrome"
    } else if has("Safari/") {
        "Safari"
    } else if ua.trim().is_empty() {
        "?"
    } else {
        "anden browser"
    };
    format!("{kind} · {browser} · {address} · #{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_labelled_from_known_words_only() {
        let ip: IpAddr = "192.168.1.34".parse().unwrap();
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(iphone, ip, 3), "iPhone · Safari · 192.168.1.34 · #3");
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
        assert_eq!(device_label(android, ip, 4), "Android-telefon · Chrome · 192.168.1.34 · #4");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0";
        assert_eq!(device_label(edge, ip, 5), "Windows · Edge · 192.168.1.34 · #5");
        assert_eq!(device_label("<script>alert(1)</script>", ip, 6), "? · anden browser · 192.168.1.34 · #6");
        assert_eq!(device_label("", ip, 7), "? · ? · 192.168.1.34 · #7");
    }
}
