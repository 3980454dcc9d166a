//! Prometheus metrics of a worker, served as text at `GET /metrics` on `--metrics ADDR`.
//!
//! A small registry: counters, gauges and summaries (a `_sum` and a `_count`), each with
//! labels, rendered in Prometheus' text exposition format 0.0.4.

use std::{
	collections::BTreeMap,
	convert::Infallible,
	net::SocketAddr,
	sync::{Arc, Mutex},
};

use bytes::Bytes;
use http_body_util::Full;
use hyper::{header, Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// What a metric is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
	/// Only goes up.
	Counter,
	/// Goes up and down.
	Gauge,
	/// Observations: `_sum` and `_count`.
	Summary,
}

#[derive(Default)]
struct Family {
	help: &'static str,
	kind: Option<Kind>,
	/// Labels (rendered) → (sum or value, count).
	series: BTreeMap<String, (f64, u64)>,
}

/// The registry; cheap to clone, shared by every task of a worker.
#[derive(Clone, Default)]
pub struct Metrics {
	families: Arc<Mutex<BTreeMap<&'static str, Family>>>,
}

impl Metrics {
	/// Declares a metric: its help line and kind. Declared metrics are rendered (at 0) even
	/// before their first sample.
	pub fn describe(&self, name: &'static str, kind: Kind, help: &'static str) -> &Self {
		let mut families = self.families.lock().expect("not poisoned");
		let family = families.entry(name).or_default();
		family.help = help;
		family.kind = Some(kind);
		if kind != Kind::Summary || family.series.is_empty() {
			family.series.entry(String::new()).or_insert((0.0, 0));
		}
		self
	}

	fn update(&self, name: &'static str, labels: &[(&str, &str)], f: impl FnOnce(&mut (f64, u64))) {
		let mut families = self.families.lock().expect("not poisoned");
		let family = families.entry(name).or_default();
		if !labels.is_empty() {
			family.series.remove("");
		}
		f(family.series.entry(render_labels(labels)).or_insert((0.0, 0)));
	}

	/// Adds `by` to a counter.
	pub fn add(&self, name: &'static str, labels: &[(&str, &str)], by: f64) {
		self.update(name, labels, |v| v.0 += by);
	}

	/// Sets a gauge.
	pub fn set(&self, name: &'static str, labels: &[(&str, &str)], value: f64) {
		self.update(name, labels, |v| v.0 = value);
	}

	/// Records an observation in a summary.
	pub fn observe(&self, name: &'static str, labels: &[(&str, &str)], value: f64) {
		self.update(name, labels, |v| {
			v.0 += value;
			v.1 += 1;
		});
	}

	/// Removes every series of `name` (a gauge per uid whose uid went away).
	pub fn clear(&self, name: &'static str) {
		if let Some(family) = self.families.lock().expect("not poisoned").get_mut(name) {
			family.series.clear();
		}
	}

	/// The text exposition.
	pub fn render(&self) -> String {
		let families = self.families.lock().expect("not poisoned");
		let mut out = String::new();
		for (name, family) in families.iter() {
			let kind = family.kind.unwrap_or(Kind::Gauge);
			let kind_name = match kind {
				Kind::Counter => "counter",
				Kind::Gauge => "gauge",
				Kind::Summary => "summary",
			};
			out.push_str(&format!("# HELP {name} {}\n# TYPE {name} {kind_name}\n", family.help));
			for (labels, (value, count)) in &family.series {
				if kind == Kind::Summary {
					out.push_str(&format!("{name}_sum{labels} {value}\n"));
					out.push_str(&format!("{name}_count{labels} {count}\n"));
				} else {
					out.push_str(&format!("{name}{labels} {value}\n"));
				}
			}
		}
		out
	}
}

fn render_labels(labels: &[(&str, &str)]) -> String {
	if labels.is_empty() {
		return String::new();
	}
	let inner: Vec<String> = labels
		.iter()
		.map(|(k, v)| {
			let v = v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
			format!("{k}=\"{v}\"")
		})
		.collect();
	format!("{{{}}}", inner.join(","))
}

/// Serves `GET /metrics` on `listener` until `shutdown` resolves.
pub async fn serve(
	listener: TcpListener,
	metrics: Metrics,
	shutdown: impl std::future::Future<Output = ()>,
) {
	tokio::pin!(shutdown);
	loop {
		let (stream, _) = tokio::select! {
			_ = &mut shutdown => return,
			accepted = listener.accept() => match accepted {
				Ok(accepted) => accepted,
				Err(_) => continue,
			},
		};
		let metrics = metrics.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
				let metrics = metrics.clone();
				async move {
					let (status, body) = match (req.method(), req.uri().path()) {
						(&Method::GET, "/metrics") => (StatusCode::OK, metrics.render()),
						_ => (StatusCode::NOT_FOUND, "try GET /metrics\n".to_string()),
					};
					let mut response = Response::new(Full::new(Bytes::from(body)));
					*response.status_mut() = status;
					response.headers_mut().insert(
						header::CONTENT_TYPE,
						"text/plain; version=0.0.4".parse().expect("valid"),
					);
					Ok::<_, Infallible>(response)
				}
			});
			let _ = hyper::server::conn::http1::Builder::new()
				.serve_connection(TokioIo::new(stream), service)
				.await;
		});
	}
}

/// Binds `--metrics ADDR` and serves in the background until `stop` fires.
pub async fn start(
	addr: SocketAddr,
	metrics: Metrics,
) -> anyhow::Result<tokio::sync::oneshot::Sender<()>> {
	use anyhow::Context;
	let listener = TcpListener::bind(addr).await.with_context(|| format!("--metrics {addr}"))?;
	log::info!("Prometheus metrics on http://{}/metrics", listener.local_addr()?);
	let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
	tokio::spawn(serve(listener, metrics, async move {
		let _ = stopped.await;
	}));
	Ok(stop)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn renders_the_text_exposition_format() {
		let m = Metrics::default();
		m.describe("myelin_x_total", Kind::Counter, "Things.");
		m.describe("myelin_seconds", Kind::Summary, "Time.");
		assert!(m.render().contains("# TYPE myelin_x_total counter\nmyelin_x_total 0\n"));
		m.add("myelin_x_total", &[("outcome", "ok")], 1.0);
		m.add("myelin_x_total", &[("outcome", "ok")], 2.0);
		m.add("myelin_x_total", &[("outcome", "a\"b")], 1.0);
		m.observe("myelin_seconds", &[], 0.5);
		m.observe("myelin_seconds", &[], 0.25);
		let text = m.render();
		assert!(text.contains("myelin_x_total{outcome=\"ok\"} 3\n"), "{text}");
		assert!(text.contains("myelin_x_total{outcome=\"a\\\"b\"} 1\n"), "{text}");
		assert!(!text.contains("myelin_x_total 0"), "the unlabelled placeholder goes: {text}");
		assert!(text.contains("myelin_seconds_sum 0.75\nmyelin_seconds_count 2\n"), "{text}");
		m.set("myelin_g", &[("uid", "1")], 0.5);
		m.clear("myelin_g");
		assert!(!m.render().contains("myelin_g{"));
	}
}
