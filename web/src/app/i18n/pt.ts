import type { Dictionary } from './dictionary';

export const pt: Dictionary = {
  'app.name': 'Portal de serviços',
  'app.network': 'Rede de organizações de pequenos produtores e trabalhadores do Comércio Justo da América Latina e do Caribe',
  'app.skipToContent': 'Ir para o conteúdo principal',

  'language.label': 'Idioma',

  'login.title': 'Entrar',
  'login.intro': 'Entre com o e-mail e a senha da sua conta.',
  'login.email': 'E-mail',
  'login.password': 'Senha',
  'login.showPassword': 'Mostrar senha',
  'login.submit': 'Entrar',
  'login.submitting': 'Entrando…',
  'login.emailRequired': 'Digite seu e-mail.',
  'login.emailInvalid': 'Digite um e-mail válido, por exemplo nome@cooperativa.org.',
  'login.passwordRequired': 'Digite sua senha.',
  'login.error.invalidCredentials': 'O e-mail ou a senha não estão corretos.',
  'login.error.tooManyAttempts': 'Muitas tentativas sem sucesso. Aguarde alguns minutos e tente novamente mais tarde.',
  'login.error.tooManyAttemptsMinutes': 'Muitas tentativas sem sucesso. Tente novamente mais tarde (em cerca de {minutes} min).',
  'login.error.network': 'Não foi possível conectar ao portal. Verifique sua conexão com a internet e tente novamente.',
  'login.error.server': 'O portal não pôde responder agora. Tente novamente em alguns minutos.',
  'login.sessionExpired': 'Sua sessão terminou. Entre novamente para continuar.',

  'shell.mainNavigation': 'Navegação principal',
  'shell.openMenu': 'Menu',
  'shell.signOut': 'Sair',
  'shell.signedInAs': 'Sessão iniciada como',

  'nav.home': 'Início',
  'nav.myRequests': 'Solicitações da minha organização',
  'nav.newRequest': 'Nova solicitação',
  'nav.inbox': 'Caixa de entrada',
  'nav.reports': 'Relatórios',
  'nav.organizations': 'Organizações',
  'nav.users': 'Usuários',

  'home.greeting': 'Olá, {name}',
  'home.organization': 'Organização',
  'home.role': 'Função',
  'home.region': 'Região',
  'home.intro.member': 'Aqui você pode pedir apoio à rede e acompanhar as solicitações da sua organização.',
  'home.intro.caseWorker': 'Aqui você atenderá as solicitações de serviço das organizações da sua cobertura.',
  'home.intro.executive': 'Aqui você poderá acompanhar as solicitações e os relatórios de toda a rede.',
  'home.intro.admin': 'Aqui você administrará as organizações, os usuários e a configuração do portal.',
  'home.shortcuts': 'Atalhos',

  'role.member': 'Integrante de organização',
  'role.representative': 'Representante de país',
  'role.specialist': 'Especialista de área temática',
  'role.director': 'Direção regional',
  'role.executive': 'Direção executiva',
  'role.admin': 'Administração do portal',

  'region.CAM': 'América Central e México',
  'region.CAR': 'Caribe',
  'region.AND': 'Região Andina',
  'region.SUR': 'Cone Sul',

  'comingSoon.badge': 'Em preparação',
  'comingSoon.myRequests': 'Esta seção está em preparação. Em breve você verá aqui as solicitações da sua organização, com o status e as respostas da equipe.',
  'comingSoon.newRequest': 'Esta seção está em preparação. Em breve você poderá enviar daqui uma nova solicitação de serviço.',
  'comingSoon.inbox': 'Esta seção está em preparação. Em breve você verá aqui as solicitações atribuídas a você e as da sua cobertura.',
  'comingSoon.reports': 'Esta seção está em preparação. Em breve você encontrará aqui os relatórios de carga, prazos e satisfação.',
  'comingSoon.organizations': 'Esta seção está em preparação. Em breve você poderá cadastrar e editar aqui as organizações.',
  'comingSoon.users': 'Esta seção está em preparação. Em breve você poderá convidar e gerenciar aqui os usuários.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  // --- end requests ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // --- end inbox and administration ---
};
