//! `myelin-worker miner`: register, publish the axon URL, answer tasks over HTTP.

use std::{net::SocketAddr, sync::Arc, time::Duration, time::Instant};

use anyhow::{Context, Result};
use bytes::Bytes;
use hyper::StatusCode;
use tokio::net::TcpListener;

use crate::{
	chain::api,
	http::{error_body, serve},
	register::{connect_registered, NeuronConfig},
	task::{exec, matmul::MAX_N, TaskKind, TaskRequest},
};

/// Everything the miner is told on the command line.
pub struct MinerConfig {
	/// The node, the subnet and the neuron's keys.
	pub neuron: NeuronConfig,
	/// Where to listen for tasks.
	pub listen: SocketAddr,
	/// The URL published on chain (default `http://<listen address>`).
	pub axon_url: Option<String>,
	/// The task this miner serves.
	pub task: TaskKind,
	/// How long a plug-in may take.
	pub exec_timeout: Duration,
	/// Testing: wait this long before each answer.
	pub delay: Duration,
	/// Testing: answer wrong products.
	pub corrupt: bool,
}

struct Behaviour {
	task: TaskKind,
	exec_timeout: Duration,
	delay: Duration,
	corrupt: bool,
}

/// Runs the miner until `shutdown` resolves.
pub async fn run(
	config: MinerConfig,
	shutdown: impl std::future::Future<Output = ()>,
) -> Result<()> {
	let listener = TcpListener::bind(config.listen)
		.await
		.with_context(|| format!("--listen {}", config.listen))?;
	let url = match &config.axon_url {
		Some(url) => url.trim_end_matches('/').to_string(),
		None => format!("http://{}", listener.local_addr()?),
	};
	// Serve first, so the axon answers as soon as it is published.
	let behaviour = Arc::new(Behaviour {
		task: config.task.clone(),
		exec_timeout: config.exec_timeout,
		delay: config.delay,
		corrupt: config.corrupt,
	});
	let local = listener.local_addr()?;
	let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
	let server = tokio::spawn(serve(
		listener,
		move |body| {
			let behaviour = behaviour.clone();
			async move { answer(&behaviour, body).await }
		},
		async move {
			let _ = stopped.await;
		},
	));

	tokio::pin!(shutdown);
	let setup = async {
		let (chain, neuron) = connect_registered(&config.neuron).await?;
		let (uid, served) = (neuron.uid, neuron.axon);
		if served.as_deref() == Some(url.as_str()) {
			log::info!("axon {url} already published for uid {uid}");
		} else {
			let call =
				api::tx().subnets().serve_axon(config.neuron.netuid, url.clone().into_bytes());
			let included =
				chain.submit(&call, &config.neuron.hotkey).await.context("serve_axon")?;
			log::info!("published axon {url} for uid {uid} in block #{}", included.block_number);
		}
		Ok::<u16, anyhow::Error>(uid)
	};
	let result = tokio::select! {
		_ = &mut shutdown => Ok(()),
		uid = setup => match uid {
			Ok(uid) => {
				log::info!("miner uid {uid} serving {:?} tasks on {local}", config.task);
				shutdown.await;
				Ok(())
			},
			Err(e) => Err(e),
		},
	};
	let _ = stop.send(());
	let _ = server.await;
	log::info!("miner stopped");
	result
}

async fn answer(b: &Behaviour, body: Bytes) -> (StatusCode, Vec<u8>) {
	let started = Instant::now();
	let request: TaskRequest = match serde_json::from_slice(&body) {
		Ok(request) => request,
		Err(e) => return (StatusCode::BAD_REQUEST, error_body(&format!("not a task: {e}"))),
	};
	let result = match (&request, &b.task) {
		(TaskRequest::Matmul(task), TaskKind::MatMul) => {
			if task.n == 0 || task.n > MAX_N {
				return (StatusCode::BAD_REQUEST, error_body(&format!("n must be 1..={MAX_N}")));
			}
			let (task, corrupt) = (*task, b.corrupt);
			tokio::task::spawn_blocking(move || {
				let mut answer = task.solve();
				if corrupt {
					let at = (task.seed % answer.c.len() as u64) as usize;
					answer.c[at] = answer.c[at].wrapping_add(1);
				}
				serde_json::to_vec(&answer).map_err(|e| e.to_string())
			})
			.await
			.map_err(|e| e.to_string())
			.and_then(|r| r)
		},
		(TaskRequest::Exec { .. }, TaskKind::Exec(command)) => {
			let input = serde_json::to_value(&request).expect("a task serialises");
			exec::run_json(command, &input, b.exec_timeout)
				.await
				.map(|v| serde_json::to_vec(&v).expect("a Value serialises"))
				.map_err(|e| e.to_string())
		},
		_ => Err(format!("this miner serves {:?} tasks", b.task)),
	};
	if !b.delay.is_zero() {
		tokio::time::sleep(b.delay).await;
	}
	match result {
		Ok(body) => {
			log::info!("answered {} in {} ms", describe(&request), started.elapsed().as_millis());
			(StatusCode::OK, body)
		},
		Err(e) => {
			log::warn!("could not answer {}: {e}", describe(&request));
			(StatusCode::UNPROCESSABLE_ENTITY, error_body(&e))
		},
	}
}

fn describe(request: &TaskRequest) -> String {
	match request {
		TaskRequest::Matmul(t) => format!("matmul n={} seed={}", t.n, t.seed),
		TaskRequest::Exec { seed } => format!("exec seed={seed}"),
	}
}
