//! Which address the live session listens on: the machine's IPv4 interfaces, and the one
//! that carries the default route.
//!
//! Why not every interface: `0.0.0.0` would also serve the session on a VPN's interface or a
//! second network the laptop happens to be on. The chair picks one address; by default the
//! one other devices in the room reach this machine at.

use std::net::{IpAddr, Ipv4Addr, UdpSocket};

use serde::{Deserialize, Serialize};

/// One IPv4 interface the session can listen on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NetInterface {
    /// The interface's name, e.g. `wlan0`, `eth0`, `lo`.
    pub name: String,
    pub address: String,
    /// Carries the default route: the session's default.
    pub is_default: bool,
    pub is_loopback: bool,
}

/// The machine's IPv4 interfaces that are up, the default one first, loopback last.
pub fn interfaces() -> Vec<NetInterface> {
    let default = default_address();
    let mut out: Vec<NetInterface> = os_interfaces()
        .into_iter()
        .map(|(name, ip)| NetInterface {
            is_default: IpAddr::V4(ip) == default,
            is_loopback: ip.is_loopback(),
            name,
            address: ip.to_string(),
        })
        .collect();
    if out.is_empty() {
        out.push(NetInterface {
            name: "lo".into(),
            address: Ipv4Addr::LOCALHOST.to_string(),
            is_default: default == IpAddr::V4(Ipv4Addr::LOCALHOST),
            is_loopback: true,
        });
    }
    out.sort_by_key(|i| (!i.is_default, i.is_loopback, i.name.clone()));
    out
}

/// The address of the interface that carries the default route: on Linux read from
/// `/proc/net/route`, elsewhere the source address of a UDP "connect" (which sends nothing).
/// Without a default route (a room network without internet often has none), the first
/// interface that is not loopback or link-local; without any, loopback.
pub fn default_address() -> IpAddr {
    let interfaces = os_interfaces();
    if let Some(name) = default_route_interface() {
        if let Some((_, ip)) = interfaces.iter().find(|(n, _)| *n == name) {
            return IpAddr::V4(*ip);
        }
    }
    let routed = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| {
            s.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
            s.local_addr()
        })
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified() && !ip.is_loopback());
    if let Some(ip) = routed {
        return ip;
    }
    interfaces
        .iter()
        .map(|(_, ip)| *ip)
        .find(|ip| !ip.is_loopback() && !ip.is_link_local())
        .map(IpAddr::V4)
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// The interface of the default route (destination and mask 0) in `/proc/net/route`.
fn default_route_interface() -> Option<String> {
    let table = std::fs::read_to_string("/proc/net/route").ok()?;
    default_route_in(&table)
}

fn default_route_in(table: &str) -> Option<String> {
    // Iface Destination Gateway Flags RefCnt Use Metric Mask ...; the lowest metric wins.
    table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let up = u32::from_str_radix(f.get(3)?, 16).ok()? & 1 == 1;
            (up && *f.get(1)? == "00000000" && *f.get(7)? == "00000000")
                .then(|| Some((f.get(6)?.parse::<u32>().ok()?, f[0].to_owned())))
                .flatten()
        })
        .min()
        .map(|(_, name)| name)
}

#[cfg(unix)]
fn os_interfaces() -> Vec<(String, Ipv4Addr)> {
    let mut out = Vec::new();
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `head` with a list we only read and then free exactly once.
    unsafe {
        if libc::getifaddrs(&mut head) != 0 {
            return out;
        }
        let mut cur = head;
        while !cur.is_null() {
            let ifa = &*cur;
            let up = ifa.ifa_flags & (libc::IFF_UP as libc::c_uint) != 0;
            if up && !ifa.ifa_addr.is_null() && i32::from((*ifa.ifa_addr).sa_family) == libc::AF_INET {
                let sin = &*(ifa.ifa_addr as *const libc::sockaddr_in);
                let ip = Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
                let name = std::ffi::CStr::from_ptr(ifa.ifa_name).to_string_lossy().into_owned();
                out.push((name, ip));
            }
            cur = ifa.ifa_next;
        }
        libc::freeifaddrs(head);
    }
    out
}

#[cfg(not(unix))]
fn os_interfaces() -> Vec<(String, Ipv4Addr)> {
    // Without getifaddrs: the default route's address and loopback.
    let mut out = vec![("lo".to_owned(), Ipv4Addr::LOCALHOST)];
    if let Ok(Some(IpAddr::V4(ip))) = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).and_then(|s| {
        s.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
        Ok(s.local_addr().ok().map(|a| a.ip()))
    }) {
        if !ip.is_unspecified() && !ip.is_loopback() {
            out.insert(0, ("default".to_owned(), ip));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_route_is_read_from_the_route_table() {
        let table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
tun0\t00000000\t0100080A\t0003\t0\t0\t50\t00000000\t0\t0\t0\n\
wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n\
wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0\n";
        assert_eq!(default_route_in(table).as_deref(), Some("tun0"), "the lowest metric");
        let no_default = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n\
eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\n";
        assert_eq!(default_route_in(no_default), None);
    }

    #[test]
    fn interfaces_list_ipv4_addresses_with_loopback() {
        let list = interfaces();
        assert!(list.iter().any(|i| i.is_loopback && i.address == "127.0.0.1"), "{list:?}");
        assert!(list.iter().all(|i| i.address.parse::<Ipv4Addr>().is_ok()));
        assert!(list.iter().filter(|i| i.is_default).count() <= 1);
        assert!(!default_address().is_unspecified());
    }
}
