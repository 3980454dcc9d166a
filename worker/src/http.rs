//! The little HTTP the workers speak: the miner's task server and the validator's client,
//! over TLS for https axons ([`crate::tls`]).

use std::{convert::Infallible, future::Future, net::SocketAddr, sync::Arc, time::Duration};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{body::Incoming, header, HeaderMap, Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use rustls_pki_types::ServerName;
use tokio::net::TcpListener;
use tokio_rustls::{TlsAcceptor, TlsConnector};

/// The largest request body the miner reads (a task is a few bytes).
pub const MAX_REQUEST: usize = 1 << 20;
/// The largest answer the validator reads (a 512 × 512 product is about 4 MB of JSON).
pub const MAX_ANSWER: usize = 32 << 20;

/// A JSON response with `status`.
pub fn json_response(status: StatusCode, body: Vec<u8>) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(Bytes::from(body)));
	*response.status_mut() = status;
	response.headers_mut().insert(header::CONTENT_TYPE, "application/json".parse().expect("valid"));
	response
}

/// What the miner's handler returns: a status, a JSON body and extra headers.
pub struct Reply {
	/// The HTTP status.
	pub status: StatusCode,
	/// The JSON body.
	pub body: Vec<u8>,
	/// Extra headers (the answer's signature).
	pub headers: Vec<(&'static str, String)>,
}

impl Reply {
	/// A reply without extra headers.
	pub fn plain(status: StatusCode, body: Vec<u8>) -> Self {
		Self { status, body, headers: Vec::new() }
	}
}

/// What the miner serves on `GET` paths other than `/health` (its market results): the path
/// in, a reply or `None` (404) out.
pub type GetHandler = Arc<dyn Fn(&str) -> Option<Reply> + Send + Sync>;

/// Serves `POST /task` with `handle(headers, body)`, `GET /health`, and other `GET` paths with
/// `get`, on `listener` (over TLS with `tls`), until `shutdown` resolves.
pub async fn serve<H, F>(
	listener: TcpListener,
	tls: Option<TlsAcceptor>,
	handle: H,
	get: Option<GetHandler>,
	shutdown: impl Future<Output = ()>,
) where
	H: Fn(HeaderMap, Bytes) -> F + Send + Sync + 'static,
	F: Future<Output = Reply> + Send + 'static,
{
	let handle = Arc::new(handle);
	tokio::pin!(shutdown);
	loop {
		let (stream, peer) = tokio::select! {
			_ = &mut shutdown => return,
			accepted = listener.accept() => match accepted {
				Ok(accepted) => accepted,
				Err(e) => {
					log::warn!("accept failed: {e}");
					continue;
				},
			},
		};
		let handle = handle.clone();
		let tls = tls.clone();
		let get = get.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |req: Request<Incoming>| {
				let handle = handle.clone();
				let get = get.clone();
				async move { Ok::<_, Infallible>(route(req, &*handle, get.as_ref(), peer).await) }
			});
			let http = hyper::server::conn::http1::Builder::new();
			let served = match tls {
				None => http.serve_connection(TokioIo::new(stream), service).await,
				Some(tls) => match tokio::time::timeout(HANDSHAKE, tls.accept(stream)).await {
					Ok(Ok(stream)) => http.serve_connection(TokioIo::new(stream), service).await,
					Ok(Err(e)) => return log::debug!("TLS handshake with {peer}: {e}"),
					Err(_) => return log::debug!("TLS handshake with {peer}: timed out"),
				},
			};
			if let Err(e) = served {
				log::debug!("connection from {peer}: {e}");
			}
		});
	}
}

/// How long a TLS handshake may take.
const HANDSHAKE: Duration = Duration::from_secs(10);

async fn route<H, F>(
	req: Request<Incoming>,
	handle: &H,
	get: Option<&GetHandler>,
	peer: SocketAddr,
) -> Response<Full<Bytes>>
where
	H: Fn(HeaderMap, Bytes) -> F,
	F: Future<Output = Reply>,
{
	match (req.method(), req.uri().path()) {
		(&Method::GET, "/health") => json_response(StatusCode::OK, b"\"ok\"".to_vec()),
		(&Method::GET, path) if get.is_some() => match get.and_then(|get| get(path)) {
			Some(reply) => with_headers(json_response(reply.status, reply.body), reply.headers),
			None => json_response(StatusCode::NOT_FOUND, error_body("no such result")),
		},
		(&Method::POST, "/task") => {
			let (parts, body) = req.into_parts();
			match Limited::new(body, MAX_REQUEST).collect().await {
				Ok(body) => {
					let reply = handle(parts.headers, body.to_bytes()).await;
					with_headers(json_response(reply.status, reply.body), reply.headers)
				},
				Err(e) => {
					log::info!("task from {peer}: unreadable body: {e}");
					json_response(StatusCode::PAYLOAD_TOO_LARGE, error_body(&e.to_string()))
				},
			}
		},
		_ => json_response(StatusCode::NOT_FOUND, error_body("try POST /task or GET /health")),
	}
}

fn with_headers(
	mut response: Response<Full<Bytes>>,
	headers: Vec<(&'static str, String)>,
) -> Response<Full<Bytes>> {
	for (name, value) in headers {
		if let Ok(value) = value.parse() {
			response.headers_mut().insert(name, value);
		}
	}
	response
}

/// `{"error": message}`.
pub fn error_body(message: &str) -> Vec<u8> {
	serde_json::to_vec(&serde_json::json!({ "error": message })).expect("serialises")
}

/// `POST url` with a JSON body and `headers`; the answer's headers and body when the status is
/// 200, within `timeout`. `https://` URLs go through `tls`.
pub async fn post_json(
	url: &str,
	body: Vec<u8>,
	headers: &[(&'static str, String)],
	timeout: Duration,
	tls: &TlsConnector,
) -> Result<(HeaderMap, Bytes), String> {
	request(Method::POST, url, body, headers, timeout, tls).await
}

/// `GET url`; the answer's headers and body when the status is 200, within `timeout`.
pub async fn get(
	url: &str,
	timeout: Duration,
	tls: &TlsConnector,
) -> Result<(HeaderMap, Bytes), String> {
	request(Method::GET, url, Vec::new(), &[], timeout, tls).await
}

async fn request(
	method: Method,
	url: &str,
	body: Vec<u8>,
	headers: &[(&'static str, String)],
	timeout: Duration,
	tls: &TlsConnector,
) -> Result<(HeaderMap, Bytes), String> {
	let uri: hyper::Uri = url.parse().map_err(|e| format!("bad URL {url}: {e}"))?;
	let https = match uri.scheme_str() {
		Some("http") => false,
		Some("https") => true,
		_ => return Err(format!("{url}: an axon is an http:// or https:// URL")),
	};
	let host = uri.host().ok_or_else(|| format!("{url}: no host"))?.to_string();
	let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
	let mut request = Request::builder()
		.method(method)
		.uri(uri.path_and_query().map(|p| p.as_str()).unwrap_or("/"))
		.header(header::HOST, uri.authority().map(|a| a.to_string()).unwrap_or(host.clone()))
		.header(header::CONTENT_TYPE, "application/json");
	for (name, value) in headers {
		request = request.header(*name, value);
	}
	let request =
		request.body(Full::new(Bytes::from(body))).map_err(|e| format!("request: {e}"))?;
	let work = async {
		let stream = tokio::net::TcpStream::connect((host.as_str(), port))
			.await
			.map_err(|e| format!("connect {host}:{port}: {e}"))?;
		if !https {
			return send(stream, request).await;
		}
		let name = ServerName::try_from(host.trim_matches(|c| c == '[' || c == ']').to_string())
			.map_err(|e| format!("{url}: {e}"))?;
		let stream =
			tls.connect(name, stream).await.map_err(|e| format!("TLS with {host}:{port}: {e}"))?;
		send(stream, request).await
	};
	tokio::time::timeout(timeout, work)
		.await
		.map_err(|_| format!("no answer within {timeout:?}"))?
}

async fn send<S>(stream: S, request: Request<Full<Bytes>>) -> Result<(HeaderMap, Bytes), String>
where
	S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
	let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
		.await
		.map_err(|e| format!("handshake: {e}"))?;
	tokio::spawn(async move {
		let _ = connection.await;
	});
	let response = sender.send_request(request).await.map_err(|e| format!("request: {e}"))?;
	let (parts, body) = response.into_parts();
	let body = Limited::new(body, MAX_ANSWER)
		.collect()
		.await
		.map_err(|e| format!("reading the answer: {e}"))?
		.to_bytes();
	if parts.status != StatusCode::OK {
		return Err(format!(
			"HTTP {}: {}",
			parts.status,
			String::from_utf8_lossy(&body[..body.len().min(200)])
		));
	}
	Ok((parts.headers, body))
}
