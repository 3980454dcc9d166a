//! The little HTTP the workers speak: the miner's task server and the validator's client.

use std::{convert::Infallible, future::Future, net::SocketAddr, sync::Arc, time::Duration};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{body::Incoming, header, Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

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

/// Serves `POST /task` with `handle(body) -> (status, body)` and `GET /health`, on `listener`,
/// until `shutdown` resolves.
pub async fn serve<H, F>(listener: TcpListener, handle: H, shutdown: impl Future<Output = ()>)
where
	H: Fn(Bytes) -> F + Send + Sync + 'static,
	F: Future<Output = (StatusCode, Vec<u8>)> + Send + 'static,
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
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |req: Request<Incoming>| {
				let handle = handle.clone();
				async move { Ok::<_, Infallible>(route(req, &*handle, peer).await) }
			});
			if let Err(e) = hyper::server::conn::http1::Builder::new()
				.serve_connection(TokioIo::new(stream), service)
				.await
			{
				log::debug!("connection from {peer}: {e}");
			}
		});
	}
}

async fn route<H, F>(req: Request<Incoming>, handle: &H, peer: SocketAddr) -> Response<Full<Bytes>>
where
	H: Fn(Bytes) -> F,
	F: Future<Output = (StatusCode, Vec<u8>)>,
{
	match (req.method(), req.uri().path()) {
		(&Method::GET, "/health") => json_response(StatusCode::OK, b"\"ok\"".to_vec()),
		(&Method::POST, "/task") => {
			match Limited::new(req.into_body(), MAX_REQUEST).collect().await {
				Ok(body) => {
					let (status, body) = handle(body.to_bytes()).await;
					json_response(status, body)
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

/// `{"error": message}`.
pub fn error_body(message: &str) -> Vec<u8> {
	serde_json::to_vec(&serde_json::json!({ "error": message })).expect("serialises")
}

/// `POST url` with a JSON body; the answer body when the status is 200, within `timeout`.
pub async fn post_json(url: &str, body: Vec<u8>, timeout: Duration) -> Result<Bytes, String> {
	let uri: hyper::Uri = url.parse().map_err(|e| format!("bad URL {url}: {e}"))?;
	if uri.scheme_str() != Some("http") {
		return Err(format!("{url}: only http:// axons are supported by this worker"));
	}
	let host = uri.host().ok_or_else(|| format!("{url}: no host"))?.to_string();
	let port = uri.port_u16().unwrap_or(80);
	let work = async {
		let stream = tokio::net::TcpStream::connect((host.as_str(), port))
			.await
			.map_err(|e| format!("connect {host}:{port}: {e}"))?;
		let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
			.await
			.map_err(|e| format!("handshake: {e}"))?;
		tokio::spawn(async move {
			let _ = connection.await;
		});
		let authority = uri.authority().map(|a| a.to_string()).unwrap_or(host.clone());
		let request = Request::post(uri.path_and_query().map(|p| p.as_str()).unwrap_or("/"))
			.header(header::HOST, authority)
			.header(header::CONTENT_TYPE, "application/json")
			.body(Full::new(Bytes::from(body)))
			.map_err(|e| format!("request: {e}"))?;
		let response = sender.send_request(request).await.map_err(|e| format!("request: {e}"))?;
		let status = response.status();
		let body = Limited::new(response.into_body(), MAX_ANSWER)
			.collect()
			.await
			.map_err(|e| format!("reading the answer: {e}"))?
			.to_bytes();
		if status != StatusCode::OK {
			return Err(format!(
				"HTTP {status}: {}",
				String::from_utf8_lossy(&body[..body.len().min(200)])
			));
		}
		Ok(body)
	};
	tokio::time::timeout(timeout, work)
		.await
		.map_err(|_| format!("no answer within {timeout:?}"))?
}
