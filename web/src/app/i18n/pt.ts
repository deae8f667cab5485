import type { Dictionary } from './dictionary';

export const pt: Dictionary = {
  'app.name': 'Portal de serviços',
  'app.network':
    'Rede de organizações de pequenos produtores e trabalhadores do Comércio Justo da América Latina e do Caribe',
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
  'login.error.tooManyAttemptsMinutes':
    'Muitas tentativas sem sucesso. Tente novamente mais tarde (em cerca de {minutes} min).',
  'login.error.network': 'Não foi possível conectar ao portal. Verifique sua conexão com a internet e tente novamente.',
  'login.error.server': 'O portal não pôde responder agora. Tente novamente em alguns minutos.',
  'login.sessionExpired': 'Sua sessão terminou. Entre novamente para continuar.',
  'login.forgotPassword': 'Esqueceu sua senha?',
  'accounts.title.welcome': 'Boas-vindas ao portal',
  'accounts.title.reset': 'Nova senha',

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
  'nav.organizationPeople': 'Pessoas da minha organização',

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
  'comingSoon.myRequests':
    'Esta seção está em preparação. Em breve você verá aqui as solicitações da sua organização, com o status e as respostas da equipe.',
  'comingSoon.newRequest':
    'Esta seção está em preparação. Em breve você poderá enviar daqui uma nova solicitação de serviço.',
  'comingSoon.inbox':
    'Esta seção está em preparação. Em breve você verá aqui as solicitações atribuídas a você e as da sua cobertura.',
  'comingSoon.reports':
    'Esta seção está em preparação. Em breve você encontrará aqui os relatórios de carga, prazos e satisfação.',
  'comingSoon.organizations':
    'Esta seção está em preparação. Em breve você poderá cadastrar e editar aqui as organizações.',
  'comingSoon.users': 'Esta seção está em preparação. Em breve você poderá convidar e gerenciar aqui os usuários.',
  // --- requests: member form, lists, request page (keys prefixed request., requests., form.) ---
  'form.error.area': 'Escolha uma das áreas temáticas.',
  'form.error.subject': 'Escreva um assunto de {min} a {max} caracteres.',
  'form.error.description': 'A descrição pode ter no máximo {max} caracteres.',
  'form.error.priority': 'Escolha uma prioridade da lista.',
  'form.error.body': 'Escreva uma mensagem de no máximo 20.000 caracteres.',
  'form.error.reason': 'O motivo pode ter no máximo 2.000 caracteres.',
  'form.error.score': 'Escolha uma nota de 1 a 5.',
  'form.error.comment': 'O comentário pode ter no máximo 2.000 caracteres.',
  'form.error.assignee':
    'Esta pessoa não pode receber a solicitação agora (inativa, não atende casos ou não está disponível).',
  'requests.status.new': 'Nova',
  'requests.status.assigned': 'Atribuída',
  'requests.status.in_progress': 'Em andamento',
  'requests.status.waiting_on_member': 'Aguardando a organização',
  'requests.status.waitingOnYou': 'Aguardando a sua resposta',
  'requests.status.resolved': 'Resolvida',
  'requests.status.closed': 'Encerrada',
  'requests.status.withdrawn': 'Retirada',
  'requests.priority.low': 'Baixa',
  'requests.priority.normal': 'Normal',
  'requests.priority.high': 'Alta',
  'requests.priority.urgent': 'Urgente',
  'requests.notAssigned': 'Ainda não atribuída',
  'requests.error.network': 'Não foi possível conectar ao portal. Verifique sua conexão e tente novamente.',
  'requests.error.server': 'O portal não pôde responder agora. Tente novamente em alguns minutos.',
  'requests.error.rateLimited': 'Muitas tentativas em pouco tempo. Aguarde um momento e tente novamente.',
  'requests.error.sessionEnded': 'Sua sessão terminou. Entre novamente para continuar.',
  'requests.error.notFound': 'Esta solicitação não existe ou você não pode vê-la.',
  'requests.error.forbidden': 'Você não tem permissão para fazer isso.',
  'requests.error.conflict': 'Não foi possível porque a solicitação mudou nesse meio-tempo. Ela foi recarregada.',
  'requests.error.validation': 'Faltam dados ou alguns não são válidos.',
  'requests.error.transitionNotAllowed':
    'Esta ação não é mais possível: a solicitação mudou nesse meio-tempo. Ela foi recarregada.',
  'requests.error.staleVersion':
    'Outra pessoa alterou esta solicitação nesse meio-tempo. Ela foi recarregada: confira e tente novamente.',
  'requests.error.closed': 'Esta solicitação está encerrada ou retirada: não aceita mais alterações.',
  'requests.error.alreadyAssigned': 'A solicitação já está atribuída a esta pessoa.',
  'requests.error.alreadyEscalated': 'A solicitação já foi escalada para a diretoria.',
  'requests.error.noDirector': 'A região não tem uma diretoria ativa para escalar.',
  'requests.error.notResolved': 'Uma solicitação pode ser avaliada quando estiver resolvida.',
  'requests.error.alreadyRated': 'Esta solicitação já foi avaliada.',
  'requests.error.keyReused':
    'Este envio já foi usado para outra solicitação. Confira as solicitações da sua organização antes de enviar de novo.',
  'requests.error.fileType':
    'Este tipo de arquivo não é aceito. Envie PDF, imagens (PNG, JPG, WebP), Word, Excel, texto OpenDocument, texto simples ou CSV.',
  'requests.error.fileTooLarge': 'O arquivo é grande demais: no máximo 10 MB.',
  'requests.error.tooManyFiles': 'Uma mensagem pode levar no máximo 5 arquivos.',
  'request.pageTitle': 'Solicitação',
  'request.dialog.close': 'Fechar',
  // --- end requests ---

  // --- problems the API reports (core/problem-messages.ts maps every code to a text) ---
  'problem.linkGone': 'Este link já foi usado ou expirou. Peça um novo.',
  'problem.busy': 'Há muitos acessos sendo verificados agora. Tente novamente em um momento.',
  'problem.emailTaken': 'Já existe uma pessoa cadastrada com este e-mail.',
  'problem.selfLockout': 'Você não pode desativar a si mesmo nem tirar seu próprio papel de administração.',
  'problem.nameTaken': 'Já existe uma organização com este nome neste país.',
  'problem.fairtradeIdTaken': 'Outra organização tem este ID Fairtrade.',
  'problem.holidayExists': 'Este país já tem um feriado nessa data.',
  'problem.otherRegion': 'Você só pode ver os relatórios da sua própria região.',
  'problem.emptyRange': 'A data de início deve ser anterior à data de fim.',
  'problem.rangeTooLong': 'A evolução abrange no máximo dez anos: reduza o intervalo de datas.',
  // --- end problems ---

  // --- inbox and administration (keys prefixed inbox., admin.) ---
  // Route titles only; the pages' own texts load with them (core/staff-i18n).
  'admin.org.new': 'Nova organização',
  'admin.org.edit': 'Organização',
  'admin.user.new': 'Convidar uma pessoa',
  'admin.user.edit': 'Pessoa',
  // --- end inbox and administration ---

  // --- notifications (the bell in the header; the list's own texts load with it: notifications/i18n) ---
  'nav.notifications': 'Notificações',
  'notifications.bell.none': 'Notificações: nenhuma não lida',
  'notifications.bell.one': '{count} notificação não lida',
  'notifications.bell.other': '{count} notificações não lidas',
  // --- end notifications ---
};
